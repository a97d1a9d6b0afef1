/**
 * Constants of the workspace file format (see the "workspace file" section of the product brief).
 * The format is a public contract: change these only together with a migration.
 */

/** Value of the `format` property that identifies a Stakemap workspace file. */
export const FORMAT_ID = 'stakemap';

/** The format version this build reads natively and always writes. */
export const CURRENT_VERSION = 4;

/**
 * Largest workspace file, in bytes (UTF-8), that Stakemap opens or saves: files above it are refused before they
 * are read, and a save that would write more is refused before anything is written, so the app never writes a
 * file it would then refuse to open. Also the largest recovery draft.
 */
export const MAX_WORKSPACE_BYTES = 100 * 1024 * 1024;

/** File extension written by Save As (without the dot). `.json` is also accepted on open. */
export const WORKSPACE_EXTENSION = 'stakemap';

export const STAKEHOLDER_KINDS = ['team', 'department', 'external'] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

export const RELATIONSHIP_STATUSES = ['healthy', 'neutral', 'strained', 'problematic'] as const;
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];

export const SOLUTION_STATUSES = ['idea', 'agreed', 'in-progress', 'done', 'dropped'] as const;
export type SolutionStatus = (typeof SOLUTION_STATUSES)[number];

export const ATTACHMENT_TYPES = ['stakeholder', 'relationship'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The six categories workshop rooms cluster pain points into, used when a file names none. */
export const DEFAULT_CATEGORIES: ReadonlyArray<{ id: string; name: string; color: string }> = [
  { id: 'workflows', name: 'Workflows', color: '#1971c2' },
  { id: 'roles', name: 'Roles', color: '#7048e8' },
  { id: 'processes', name: 'Processes', color: '#d9480f' },
  { id: 'governance', name: 'Governance', color: '#c2255c' },
  { id: 'infrastructure', name: 'Infrastructure', color: '#2b8a3e' },
  { id: 'knowledge-training', name: 'Knowledge & Training', color: '#e67700' },
];

/**
 * Longest text accepted in a one-line field that is drawn on the map or in lists: names, titles, labels, owners,
 * ids, colours. A file with a longer one is refused with the field's path: a multi-megabyte name would stall the
 * canvas on every render, and no real workshop writes a 10,000-character name.
 */
export const MAX_SHORT_TEXT = 10_000;

/** Longest text accepted in a long-form field (notes, descriptions, each quote): about 300 pages. */
export const MAX_LONG_TEXT = 1_000_000;

/**
 * Largest distance from the origin of a stakeholder's position, in map pixels. Far beyond any real map, and small
 * enough that the map's bounds (differences and sums of positions) stay finite when the map is fitted or exported.
 */
export const MAX_COORDINATE = 1_000_000_000;

/** The views a workshop stage can open. */
export const STAGE_VIEWS = ['map', 'board', 'solutions'] as const;
export type StageView = (typeof STAGE_VIEWS)[number];

/** Longest timebox of one stage, in minutes (ten hours). */
export const MAX_STAGE_MINUTES = 600;

/** Dots each participant may give when voting, unless the workspace says otherwise. */
export const DEFAULT_VOTING_BUDGET = 3;
/** Largest voting budget accepted. */
export const MAX_VOTING_BUDGET = 100;

/** One stage of a workshop agenda, as DEFAULT_STAGES lists them. */
export interface DefaultStage {
  readonly id: string;
  readonly title: string;
  readonly goal: string;
  readonly minutes: number;
  readonly view: StageView;
  readonly voting: boolean;
}

/**
 * The seed workshop's agenda ("Organising for Social"), used when a file names none. The ids are stable: a
 * file's `currentStageId` may point at them.
 */
export const DEFAULT_STAGES: readonly DefaultStage[] = [
  { id: 'stage-map', title: 'Map stakeholders', goal: 'Place the team at the centre and every function it works with around it.', minutes: 20, view: 'map', voting: false },
  { id: 'stage-relationships', title: 'Mark relationships', goal: 'Draw who works with whom and mark the relationships that cause trouble.', minutes: 10, view: 'map', voting: false },
  { id: 'stage-pain-points', title: 'Collect pain points', goal: 'Gather what goes wrong, in the words of the people in the room.', minutes: 25, view: 'board', voting: false },
  { id: 'stage-cluster', title: 'Cluster', goal: 'Sort the pain points into categories and merge the duplicates.', minutes: 15, view: 'board', voting: false },
  { id: 'stage-vote', title: 'Vote', goal: 'Each participant gives their dots to the pain points that hurt most.', minutes: 10, view: 'board', voting: true },
  { id: 'stage-solutions', title: 'Candidate solutions', goal: 'Propose solutions for the top pain points and name who takes each one on.', minutes: 25, view: 'solutions', voting: false },
  { id: 'stage-wrap-up', title: 'Wrap-up', goal: 'Agree on next steps, owners and dates before the room leaves.', minutes: 10, view: 'solutions', voting: false },
];
