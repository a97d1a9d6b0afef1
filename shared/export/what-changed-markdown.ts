import { changeCount, describeChange, type DiffEntry, type WorkspaceDiff } from '../domain/workspace-diff';
import { escapeMarkdown } from './markdown';

/*
 * "What changed" as a Markdown section, for the report and the export that compare two states of a workspace.
 * Each item is the line describeChange (domain/workspace-diff.ts) writes for the comparison view, so the file says
 * what the screen says. Only the text that comes from the documents is escaped (names, titles, labels, and the
 * two states' labels), so a stakeholder called `*Legal*` reads literally and the arrows and dashes stay as written.
 */

/** How the two states compared are named in the section's sentence, e.g. "Snapshot before the workshop" and "now". */
export interface WhatChangedLabels {
  readonly beforeLabel: string;
  readonly afterLabel: string;
}

const inline = (text: string) => escapeMarkdown(text.replace(/\r\n?|\n/g, ' ').trim());

const GROUPS: readonly { readonly heading: string; readonly entries: (diff: WorkspaceDiff) => readonly DiffEntry[] }[] = [
  { heading: 'Stakeholders', entries: (d) => d.stakeholders },
  { heading: 'Relationships', entries: (d) => d.relationships },
  { heading: 'Pain points', entries: (d) => d.painPoints },
  { heading: 'Solutions', entries: (d) => d.solutions },
];

/**
 * The section's lines (LF-joined by the caller): `## What changed`, the sentence "Between A and B: N changes.",
 * then a `###` group per kind of item that has changes, one `- ` item per change; groups without changes are left
 * out. When nothing changed the sentence says so ("Between A and B: no changes."). Blocks are separated by one
 * empty line, and the last line is never empty.
 */
export function whatChangedMarkdown(diff: WorkspaceDiff, labels: WhatChangedLabels): string[] {
  const count = changeCount(diff);
  const between = `Between ${inline(labels.beforeLabel)} and ${inline(labels.afterLabel)}`;
  const lines = ['## What changed', ''];
  if (count === 0) {
    lines.push(`${between}: no changes.`);
    return lines;
  }
  lines.push(`${between}: ${count} change${count === 1 ? '' : 's'}.`);
  for (const group of GROUPS) {
    const entries = group.entries(diff);
    if (entries.length === 0) continue;
    lines.push('', `### ${group.heading}`, '');
    for (const entry of entries) lines.push(`- ${describeChange(entry, { userText: inline })}`);
  }
  return lines;
}
