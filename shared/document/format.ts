/**
 * Constants of the workspace file format (see the "workspace file" section of the product brief).
 * The format is a public contract: change these only together with a migration.
 */

/** Value of the `format` property that identifies a Stakemap workspace file. */
export const FORMAT_ID = 'stakemap';

/** The format version this build reads natively and always writes. */
export const CURRENT_VERSION = 1;

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
