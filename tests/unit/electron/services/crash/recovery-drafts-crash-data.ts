import { serializeWorkspace } from '../../../../../shared/document/serialize';
import type { WorkspaceDocument } from '../../../../../shared/document/schema';
import { createWorkspace } from '../../../../../shared/operations/workspace';

/*
 * The drafts the crash test's child process writes over and over, shared by the child and the test so both know
 * exactly what a complete draft holds. Large enough (hundreds of kilobytes) that a kill often lands mid-write.
 */

/** The draft the child saves alternately with content A and B. */
export const ALTERNATING_DRAFT_ID = 'a1a1a1a1-0000-4000-8000-00000000000a';
/** A second draft the child saves and discards in turn. */
export const COMING_AND_GOING_DRAFT_ID = 'b2b2b2b2-0000-4000-8000-00000000000b';

function workspaceOf(title: string, stakeholders: number): string {
  const base = createWorkspace(title, new Date('2026-11-22T10:00:00.000Z'));
  const doc: WorkspaceDocument = {
    ...base,
    stakeholders: Array.from({ length: stakeholders }, (_, i) => ({
      id: `s-${i}`,
      name: `${title} stakeholder ${i}`,
      kind: 'department',
      position: { x: (i % 40) * 220, y: Math.floor(i / 40) * 140 },
      owner: '',
      notes: `Notes of ${i}: "quoted", with a backslash \\ and a line break\nso that the draft file escapes them.`,
      color: null,
    })),
  };
  return serializeWorkspace(doc);
}

export const CONTENT_A = workspaceOf('Crash draft A', 3000);
export const CONTENT_B = workspaceOf('Crash draft B', 1800);
export const CONTENT_X = workspaceOf('Coming and going', 400);

export const DRAFT_FILE_PATH = '/work/Crash test.stakemap';
