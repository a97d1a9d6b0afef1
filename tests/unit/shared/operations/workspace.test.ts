import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, DEFAULT_STAGES } from '../../../../shared/document/format';
import { parseWorkspace } from '../../../../shared/document/parse';
import { serializeWorkspace } from '../../../../shared/document/serialize';
import { createWorkspace, markUpdated, setViewport, setWorkspaceTitle } from '../../../../shared/operations/workspace';
import { deepFreeze } from '../test-helpers';
import { sampleDoc } from './test-docs';

const NOW = new Date('2026-11-22T10:00:00.000Z');

describe('createWorkspace', () => {
  it('creates an empty, valid workspace with the six default categories and no snapshots', () => {
    const doc = createWorkspace('Workshop', NOW);
    expect(doc).toEqual({
      format: 'stakemap',
      version: CURRENT_VERSION,
      title: 'Workshop',
      createdAt: '2026-11-22T10:00:00.000Z',
      updatedAt: '2026-11-22T10:00:00.000Z',
      stakeholders: [],
      relationships: [],
      painPoints: [],
      solutions: [],
      categories: [
        { id: 'workflows', name: 'Workflows', color: '#1971c2' },
        { id: 'roles', name: 'Roles', color: '#7048e8' },
        { id: 'processes', name: 'Processes', color: '#d9480f' },
        { id: 'governance', name: 'Governance', color: '#c2255c' },
        { id: 'infrastructure', name: 'Infrastructure', color: '#2b8a3e' },
        { id: 'knowledge-training', name: 'Knowledge & Training', color: '#e67700' },
      ],
      viewport: { x: 0, y: 0, zoom: 1 },
      agenda: { visible: true, currentStageId: null, stages: DEFAULT_STAGES.map((s) => ({ ...s })) },
      participants: [],
      voting: { budget: 3, hideResults: false, revealed: false },
      ballots: [],
      snapshots: [],
    });
    const reopened = parseWorkspace(serializeWorkspace(doc));
    expect(reopened.ok && reopened.document).toEqual(doc);
  });

  it('gives each workspace its own category objects', () => {
    const a = createWorkspace('A', NOW);
    const b = createWorkspace('B', NOW);
    expect(a.categories[0]).not.toBe(b.categories[0]);
  });
});

describe('setWorkspaceTitle', () => {
  it('renames, or returns the same document when the title is unchanged', () => {
    const doc = sampleDoc();
    expect(setWorkspaceTitle(doc, 'Renamed')).toEqual({ ...doc, title: 'Renamed' });
    expect(setWorkspaceTitle(doc, 'Sample')).toBe(doc);
  });
});

describe('setViewport', () => {
  it('records pan and zoom, keeping unknown viewport properties', () => {
    const base = sampleDoc();
    const doc = deepFreeze({ ...base, viewport: { ...base.viewport, rotation: 0 } });
    expect(setViewport(doc, { x: -120.5, y: 48, zoom: 0.85 }).viewport).toEqual({ x: -120.5, y: 48, zoom: 0.85, rotation: 0 });
  });

  it('returns the same document when the viewport is unchanged', () => {
    const doc = sampleDoc();
    expect(setViewport(doc, { x: 0, y: 0, zoom: 1 })).toBe(doc);
  });

  it.each([
    { x: Number.NaN, y: 0, zoom: 1 },
    { x: 0, y: Number.NEGATIVE_INFINITY, zoom: 1 },
    { x: 0, y: 0, zoom: 0 },
    { x: 0, y: 0, zoom: -1 },
    { x: 0, y: 0, zoom: Number.NaN },
  ])('ignores a viewport the file could not hold: %j', (viewport) => {
    const doc = sampleDoc();
    expect(setViewport(doc, viewport)).toBe(doc);
  });
});

describe('markUpdated', () => {
  it('stamps updatedAt and keeps createdAt', () => {
    const doc = sampleDoc();
    const later = new Date('2026-11-23T08:15:00.000Z');
    expect(markUpdated(doc, later)).toEqual({ ...doc, updatedAt: '2026-11-23T08:15:00.000Z' });
  });

  it('fills in createdAt for a file that had none', () => {
    const { createdAt: _c, updatedAt: _u, ...rest } = sampleDoc();
    const doc = deepFreeze(rest);
    const next = markUpdated(doc, NOW);
    expect(next.createdAt).toBe('2026-11-22T10:00:00.000Z');
    expect(next.updatedAt).toBe('2026-11-22T10:00:00.000Z');
  });
});
