import type { WorkspaceDocument } from '../document/schema';

/*
 * The alternative text of the exported map (the PDF's one Figure on page 1, issue 17): what a reader who cannot
 * see the picture needs from it. The stakeholders by name, each problematic relationship by the two names it
 * joins (and its label), and how many relationships are strained, neutral or healthy. The report's pages that
 * follow give every detail as text; this says what the picture shows.
 */

const listed = (names: readonly string[]) => names.join(', ');

export function describeMap(doc: Pick<WorkspaceDocument, 'title' | 'stakeholders' | 'relationships'>): string {
  const names = new Map(doc.stakeholders.map((s) => [s.id, s.name.trim() || 'Unnamed stakeholder']));
  const nameOf = (id: string) => names.get(id) ?? 'a removed stakeholder';
  const count = doc.stakeholders.length;
  const parts = [
    `Stakeholder map${doc.title.trim() ? ` of ${doc.title.trim()}` : ''}: ${count} stakeholder${count === 1 ? '' : 's'}${count ? ` (${listed([...names.values()])})` : ''}.`,
  ];
  const problematic = doc.relationships.filter((r) => r.status === 'problematic');
  if (problematic.length === 0) parts.push('No relationship is marked problematic.');
  else {
    const described = problematic.map((r) => `${nameOf(r.source)} and ${nameOf(r.target)}${r.label?.trim() ? ` (${r.label.trim()})` : ''}`);
    parts.push(`${problematic.length} problematic relationship${problematic.length === 1 ? '' : 's'}: ${described.join('; ')}.`);
  }
  const others = (['strained', 'neutral', 'healthy'] as const)
    .map((status) => [status, doc.relationships.filter((r) => r.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`);
  if (others.length) parts.push(`Other relationships: ${others.join(', ')}.`);
  return parts.join(' ');
}
