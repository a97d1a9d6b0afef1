/**
 * Constants of the workspace file format (see the "workspace file" section of the product brief).
 * The format is a public contract: change these only together with a migration.
 */

/** Value of the `format` property that identifies a Stakemap workspace file. */
export const FORMAT_ID = 'stakemap';

/** The format version this build reads natively and always writes. */
export const CURRENT_VERSION = 1;

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
