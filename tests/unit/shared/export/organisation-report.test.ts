import { describe, expect, it } from 'vitest';
import { buildOrganisationReport } from '../../../../shared/export/organisation-report';

const s = (id: string, name: string, influence?: number, interest?: number) => ({ id, name, kind: 'department', position: { x: 0, y: 0 }, influence, interest, owner: '', notes: '', color: null }) as never;
const r = (id: string, source: string, target: string, status = 'healthy') => ({ id, source, target, status, label: '', notes: '' }) as never;

describe('buildOrganisationReport', () => {
  it('groups the scored stakeholders by quadrant, strongest first, and lists the unscored', () => {
    const report = buildOrganisationReport({
      stakeholders: [s('a', 'Legal', 5, 2), s('b', 'Brand', 4, 4), s('c', 'Team', 3, 5), s('d', 'HR', 2, 2), s('e', 'IT'), s('f', 'Agency', 2, 4)],
      relationships: [],
    });
    expect(report.quadrants.map((q) => [q.name, q.stakeholders.map((x) => x.name)])).toEqual([
      ['Manage closely', ['Brand', 'Team']],
      ['Keep satisfied', ['Legal']],
      ['Keep informed', ['Agency']],
      ['Monitor', ['HR']],
    ]);
    expect(report.unscored).toEqual(['IT']);
  });

  it('ranks the stakeholders routes pass through, leaving out those none pass through', () => {
    const report = buildOrganisationReport({
      stakeholders: [s('hub', 'Brand'), s('a', 'Legal'), s('b', 'IT'), s('c', 'HR')],
      relationships: [r('1', 'hub', 'a'), r('2', 'hub', 'b'), r('3', 'hub', 'c')],
    });
    expect(report.bottlenecks.map((b) => b.name)).toEqual(['Brand']);
    expect(report.bottlenecks[0]!.explanation).toBe('3 of the 3 routes between other stakeholders pass through Brand; connected to 3.');
  });
});
