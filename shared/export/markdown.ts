import { SOLUTION_STATUS_LABELS } from '../document/vocabulary';
import { describePerceptionGap } from '../domain/perception-gaps';
import { whatChangedMarkdown } from './what-changed-markdown';
import { REPORT_STATUS_ORDER, type ReportPainPoint, type WorkshopReport } from './report';

/*
 * The workshop report as Markdown, for the people who paste it into a wiki, a ticket or a mail. It says exactly
 * what the PDF says, because both render the same WorkshopReport (see report.ts).
 *
 * Everything the workspace contributes (names, titles, labels, notes, quotes) is user text and is escaped, so it
 * appears literally in any CommonMark or GitHub-flavoured renderer: a pain point titled `<script>` is text, not
 * HTML; `|` does not split a table cell; `*stars*` are not emphasis; a quote starting with `- ` is not a list.
 */

/**
 * Characters escaped wherever they occur: markup in any position (emphasis, code, links, HTML, GFM table cells,
 * strikethrough, a heading's closing `#`s), plus `{}` (attribute syntax in several renderers) and `$` (math on
 * GitHub). Parentheses, `!` and `.` are inert once `[` is escaped, and are left alone so the raw text stays
 * readable; so is `&`, except where it starts an entity reference (see ENTITY).
 */
const ALWAYS_ESCAPED = new Set(['\\', '`', '*', '_', '{', '}', '[', ']', '<', '>', '#', '|', '~', '$']);

/**
 * An entity or numeric character reference (CommonMark §2.5), which a renderer would decode: `&lt;` shows `<`.
 * Only an `&` that starts one is escaped, so "Knowledge & Training" stays as it is in the raw text. Any name is
 * matched, not only the known entities: escaping one `&` too many is harmless, missing one is not.
 */
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/;

/**
 * Characters escaped only as the first non-blank character of a line, where they start a list item (`-`, `+`),
 * a thematic break (`---`), a setext heading underline (`===`), or the delimiter row that turns the line above
 * into a GFM table header (`:---`, which needs no pipe); elsewhere they are plain text.
 */
const LINE_START_ESCAPED = new Set(['-', '+', '=', ':']);

/** Every ASCII punctuation character, the ones CommonMark lets a backslash escape (spec §2.4). */
const ESCAPED_PUNCTUATION = /\\([!-/:-@[-`{-~])/g;

/**
 * Escapes text so a Markdown renderer shows it literally. Line breaks are kept (each line is treated as a possible
 * block start), so the caller decides what a newline means where the text goes. unescapeMarkdown is its exact
 * inverse: `unescapeMarkdown(escapeMarkdown(t)) === t` for every string.
 */
export function escapeMarkdown(text: string): string {
  let out = '';
  let lineStart = true; // only blanks seen since the start of the line
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') {
      out += c;
      lineStart = true;
      continue;
    }
    if (lineStart && (c === ' ' || c === '\t')) {
      out += c;
      continue;
    }
    const escape =
      ALWAYS_ESCAPED.has(c) ||
      (lineStart && LINE_START_ESCAPED.has(c)) ||
      (c === '&' && ENTITY.test(text.slice(i, i + 40))) ||
      startsAutolink(text, i);
    if (escape) {
      out += `\\${c}`;
    } else if (lineStart && isDigit(c)) {
      // `1. ` or `1) ` at the start of a line opens an ordered list: escape the punctuation after the digits.
      let j = i;
      while (j < text.length && isDigit(text[j]!)) j++;
      out += text.slice(i, j);
      i = j - 1;
      if (text[j] === '.' || text[j] === ')') {
        out += `\\${text[j]}`;
        i = j;
      }
    } else {
      out += c;
    }
    lineStart = false;
  }
  return out;
}

/**
 * Undoes escapeMarkdown: every backslash followed by an ASCII punctuation character stands for that character.
 * Tests and the end-to-end checks use it to read exported tables and lines back into the workspace's own text.
 */
export function unescapeMarkdown(text: string): string {
  return text.replace(ESCAPED_PUNCTUATION, '$1');
}

/**
 * Splits one row of a Markdown table as written by reportToMarkdown (`| a | b\|c |`) into its cells, unescaped
 * and trimmed: `['a', 'b|c']`. A pipe preceded by a backslash belongs to the cell, as in GFM.
 */
export function splitMarkdownTableRow(row: string): string[] {
  const line = row.trim();
  const body = line.startsWith('|') ? line.slice(1) : line;
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length) {
      cell += c + body[i + 1];
      i++;
    } else if (c === '|') {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  // A row closed by a pipe leaves nothing after it; text after the last pipe is one more cell.
  if (cell.trim() !== '') cells.push(cell);
  return cells.map((c) => unescapeMarkdown(c.trim()));
}

/**
 * The report as a Markdown document: title, date, summary, problematic relationships, pain points by category
 * with their quotes, candidate solutions and unaddressed pain points. Deterministic (the same report always gives
 * the same text), LF line endings, one trailing newline.
 */
export function reportToMarkdown(report: WorkshopReport, options: { wrapUp?: string } = {}): string {
  const blocks: string[] = [];
  blocks.push(`# ${inline(report.title)}`);
  blocks.push(`Workshop report, ${report.dateLabel}.`);
  // The wrap-up (wrap-up-markdown.ts, as a level-2 section) comes first: it is what the room leaves with.
  if (options.wrapUp) blocks.push(options.wrapUp.trimEnd());

  blocks.push('## Summary');
  blocks.push(summaryList(report).join('\n'));

  blocks.push('## Problematic relationships');
  if (report.problematicRelationships.length === 0) {
    blocks.push('No relationship is marked problematic.');
  } else {
    blocks.push(
      table(
        ['Between', 'Label', 'Notes', 'Pain points'],
        report.problematicRelationships.map((r) => [`${cell(r.source)} – ${cell(r.target)}`, cell(r.label), cell(r.notes), String(r.painPointCount)]),
      ),
    );
  }

  blocks.push('## Pain points by category');
  if (report.categories.length === 0) blocks.push('No categories.');
  for (const category of report.categories) {
    blocks.push(`### ${inline(category.name)} (${category.painPoints.length})`);
    if (category.painPoints.length === 0) blocks.push('No pain points.');
    for (const p of category.painPoints) blocks.push(...painPointBlocks(p));
  }

  blocks.push('## Candidate solutions');
  if (report.solutions.length === 0) {
    blocks.push('No candidate solutions yet.');
  } else {
    blocks.push(
      table(
        ['Solution', 'Status', 'Owner', 'Impact', 'Effort', 'Addresses'],
        report.solutions.map((s) => [
          cell(s.title),
          s.statusLabel,
          cell(s.owner),
          s.impact === null ? '' : String(s.impact),
          s.effort === null ? '' : String(s.effort),
          s.addresses.map(cell).join('; '),
        ]),
      ),
    );
  }

  blocks.push('## Unaddressed pain points');
  if (report.unaddressed.length === 0) {
    blocks.push('Every pain point has a candidate solution.');
  } else {
    blocks.push(report.unaddressed.map((p) => `- ${inline(p.title)} · ${inline(p.categoryName)} · ${votes(p.votes)}`).join('\n'));
  }

  blocks.push(...organisationBlocks(report));
  if (report.whatChanged) blocks.push(whatChangedMarkdown(report.whatChanged.diff, report.whatChanged).join('\n'));

  return `${blocks.join('\n\n')}\n`;
}

/** The power/interest grid by quadrant, then the bridges and bottlenecks. */
function organisationBlocks(report: WorkshopReport): string[] {
  const { quadrants, unscored, bottlenecks, perceptionGaps } = report.organisation;
  const blocks = ['## Power/interest grid'];
  for (const q of quadrants) {
    blocks.push(`### ${q.name} (${q.stakeholders.length})`, q.advice);
    if (q.stakeholders.length > 0) blocks.push(q.stakeholders.map((s) => `- ${inline(s.name)} · influence ${s.influence}, interest ${s.interest}`).join('\n'));
  }
  if (unscored.length > 0) blocks.push(`Not scored: ${unscored.map(inline).join(', ')}.`);
  blocks.push('## Bridges and bottlenecks');
  if (bottlenecks.length === 0) blocks.push('No route between stakeholders passes through another.');
  else blocks.push(bottlenecks.map((b, i) => `${i + 1}. ${inline(b.name)}: ${inline(b.explanation)}`).join('\n'));
  // Only where a room asked the other side: a map without their views has nothing to say here.
  if (perceptionGaps.length > 0) {
    blocks.push('## Perception gaps');
    blocks.push(
      perceptionGaps
        .map((g) => {
          const label = g.label ? ` (${inline(g.label)})` : '';
          const note = g.theirNotes.trim() ? ` ${inline(g.targetName)}: “${inline(g.theirNotes)}”` : '';
          return `- **${inline(g.sourceName)} – ${inline(g.targetName)}**${label}: ${inline(describePerceptionGap(g))}${note}`;
        })
        .join('\n'),
    );
  }
  return blocks;
}

function summaryList(report: WorkshopReport): string[] {
  const s = report.summary;
  const statuses = REPORT_STATUS_ORDER.filter((status) => s.solutionsByStatus[status] > 0).map(
    (status) => `${SOLUTION_STATUS_LABELS[status]}: ${s.solutionsByStatus[status]}`,
  );
  return [
    `- Stakeholders: ${s.stakeholders}`,
    `- Relationships: ${s.relationships} (${s.problematic} problematic)`,
    `- Pain points: ${s.painPoints} (${s.unaddressed} unaddressed)`,
    `- Votes: ${s.votes}`,
    `- Candidate solutions: ${s.solutions}${statuses.length > 0 ? ` (${statuses.join(', ')})` : ''}`,
  ];
}

/** A pain point: heading, one line of facts, the description, the quotes, the solutions addressing it. */
function painPointBlocks(p: ReportPainPoint): string[] {
  const facts = [`Votes: ${p.votes}`, `Attached to: ${inline(p.attachedTo)}`];
  if (p.unaddressed) facts.push('Unaddressed');
  const blocks = [`#### ${inline(p.title)}`, facts.join(' · ')];
  const description = paragraph(p.description);
  if (description !== '') blocks.push(description);
  for (const quote of p.quotes) {
    if (quote.trim() === '') continue;
    // Every line keeps its `> `, so a quote of several lines stays one quote. A blank line between two quotes
    // keeps them apart (consecutive `>` lines would merge into one).
    blocks.push(
      lines(quote.trim())
        .map((line) => (line.trim() === '' ? '>' : `> ${escapeMarkdown(line.trim())}`))
        .join('\n'),
    );
  }
  if (p.solutions.length > 0) blocks.push(`Solutions: ${p.solutions.map(inline).join('; ')}`);
  return blocks;
}

/** A GFM table. Header and cells must already be escaped. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
}

/**
 * Text on one line (a heading, a list item, a table cell): line breaks become spaces, since a table row or a
 * heading cannot hold one, then it is escaped.
 */
function inline(text: string): string {
  return escapeMarkdown(text.replace(/\r\n?|\n/g, ' ').trim());
}

/** A table cell: like inline. Escaping turns `|` into `\|`, which GFM reads as part of the cell. */
const cell = inline;

/**
 * Free text as a paragraph: lines are kept (a blank line starts a new paragraph, as the writer meant), each line's
 * leading blanks are dropped (four of them would turn the line into a code block), surrounding blank lines go.
 */
function paragraph(text: string): string {
  return lines(text)
    .map((line) => escapeMarkdown(line.trim()))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function lines(text: string): string[] {
  return text.split(/\r\n?|\n/);
}

function votes(n: number): string {
  return n === 1 ? '1 vote' : `${n} votes`;
}

/**
 * Whether the character at `i` is the `:` of `://` or the `.` of a word `www.`, which GFM renderers turn into a
 * link without any markup. Some of them (micromark, so remark and MDX) take the link's text verbatim from the
 * source, backslashes included: `https://x.org/a_b` escaped as `a\_b` would show the backslash. Escaping that
 * one character keeps the address from becoming a link, so every escape in it is read normally.
 */
function startsAutolink(text: string, i: number): boolean {
  if (text[i] === ':') return text.startsWith('//', i + 1);
  if (text[i] !== '.' || i < 3 || text.slice(i - 3, i).toLowerCase() !== 'www') return false;
  return i === 3 || !/[A-Za-z0-9]/.test(text[i - 4]!);
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
