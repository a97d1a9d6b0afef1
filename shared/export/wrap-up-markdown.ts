import { escapeMarkdown } from './markdown';
import type { WrapUp, WrapUpPainPoint } from './wrap-up';

/*
 * The wrap-up as Markdown: the same content as the PDF's first page, for the mail the room gets afterwards.
 * Workspace text is escaped as in the report (markdown.ts), so it reads literally in any CommonMark renderer.
 */

const inline = (text: string) => escapeMarkdown(text.replace(/\r\n?|\n/g, ' ').trim());
const votes = (n: number) => `${n} vote${n === 1 ? '' : 's'}`;

function place(p: WrapUpPainPoint): string[] {
  const facts = [votes(p.votes), inline(p.categoryName), ...(p.tied ? ['tied'] : []), ...(p.unaddressed ? ['**no candidate solution yet**'] : [])];
  const lines = [`${p.rank}. ${inline(p.title)} · ${facts.join(' · ')}`];
  for (const s of p.solutions) {
    const details = [s.statusLabel, s.owner.trim() ? `owner: ${inline(s.owner)}` : 'no owner yet', ...(s.dueDate ? [`due ${s.dueDate}`] : [])];
    lines.push(`   - ${inline(s.title)} (${details.join(', ')})`);
  }
  return lines;
}

/** The wrap-up as a Markdown document (or, with `heading: 2`, as a section of a longer one). */
export function wrapUpToMarkdown(wrapUp: WrapUp, options: { heading?: 1 | 2 } = {}): string {
  const h = (level: number) => '#'.repeat(level + (options.heading ?? 1) - 1);
  const blocks: string[] = [`${h(1)} Wrap-up: ${inline(wrapUp.title)}`];
  const facts = [wrapUp.dateLabel, `${wrapUp.participantCount} participant${wrapUp.participantCount === 1 ? '' : 's'}`];
  blocks.push(facts.join(' · '));
  if (wrapUp.agenda.length > 0) blocks.push(`Agenda: ${wrapUp.agenda.map((s) => `${inline(s.title)} (${s.minutes} min)`).join(', ')}`);
  blocks.push(`${h(2)} Top pain points`);
  blocks.push(wrapUp.top.length > 0 ? wrapUp.top.flatMap(place).join('\n') : 'No votes yet.');
  for (const category of wrapUp.byCategory) {
    blocks.push(`${h(3)} ${inline(category.name)}`);
    blocks.push(category.top.flatMap(place).join('\n'));
  }
  blocks.push(`${h(2)} Still without a candidate solution`);
  blocks.push(wrapUp.unaddressedTop.length > 0 ? wrapUp.unaddressedTop.map((p) => `- ${inline(p.title)} (${votes(p.votes)})`).join('\n') : 'Every top pain point has a candidate solution.');
  return `${blocks.join('\n\n')}\n`;
}
