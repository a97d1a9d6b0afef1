import { CURRENT_VERSION, DEFAULT_STAGES } from './format';

/**
 * One named step that turns a raw (unvalidated) workspace object of version `from` into version `from + 1`.
 * Steps are consecutive and pure; each gets a test with literal before/after objects.
 */
export interface MigrationStep {
  readonly name: string;
  readonly from: number;
  readonly migrate: (raw: Record<string, unknown>) => Record<string, unknown>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 1 -> 2: a pain point's anonymous `votes` count becomes its `tally` (votes entered as a count; ballots
 * are new), each quote string becomes `{ text, voice: null }`, and the workspace gets the default agenda, hidden:
 * a map made before workshops existed should not suddenly show a stage bar. Nothing else changes.
 *
 * The step works on unvalidated data: a value of the wrong type is left as it is for the schema to word (a
 * `votes` of "many" becomes a `tally` of "many", so the message names the field the file now has), and
 * properties it does not know are kept.
 */
function votesBecomeTalliesAndQuotesBecomeObjects(raw: Record<string, unknown>): Record<string, unknown> {
  const painPoints = Array.isArray(raw.painPoints)
    ? raw.painPoints.map((item: unknown) => {
        if (!isObject(item)) return item;
        const { votes, ...rest } = item;
        const migrated: Record<string, unknown> = { ...rest };
        if (votes !== undefined && !Object.hasOwn(item, 'tally')) migrated.tally = votes;
        else if (votes !== undefined) migrated.votes = votes;
        if (Array.isArray(item.quotes)) {
          migrated.quotes = item.quotes.map((quote: unknown) => (typeof quote === 'string' ? { text: quote, voice: null } : quote));
        }
        return migrated;
      })
    : raw.painPoints;
  const agenda = raw.agenda === undefined ? { visible: false, currentStageId: null, stages: DEFAULT_STAGES.map((s) => ({ ...s })) } : raw.agenda;
  return { ...raw, ...(raw.painPoints === undefined ? {} : { painPoints }), agenda };
}

/**
 * Version 2 -> 3: every relationship gets `otherSide: null`, "the other side's view has not been recorded" (a
 * relationship's own `status` stays how its source side sees it). Nothing else changes.
 *
 * Like the step before it, it works on unvalidated data: a relationship that already has an `otherSide` (another
 * tool may have written one) keeps it as it is, for the schema to check and word; an item that is not an object,
 * and a `relationships` that is not a list, are left for the schema too; properties it does not know are kept.
 */
function relationshipsGainTheOtherSidesView(raw: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(raw.relationships)) return { ...raw };
  const relationships = raw.relationships.map((item: unknown) => (isObject(item) && !Object.hasOwn(item, 'otherSide') ? { ...item, otherSide: null } : item));
  return { ...raw, relationships };
}

/**
 * Version 3 -> 4: the workspace gets `snapshots: []`, no snapshot taken yet. Nothing else changes.
 *
 * Like the steps before it, it works on unvalidated data: a `snapshots` the file already has (another tool may have
 * written one), whatever its value, is kept as it is for the schema to check and word; properties it does not
 * know are kept.
 */
function workspacesGainSnapshots(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.hasOwn(raw, 'snapshots') ? { ...raw } : { ...raw, snapshots: [] };
}

/** The project's migrations, oldest first. */
export const MIGRATIONS: readonly MigrationStep[] = [
  { name: 'votes-become-tallies-and-quotes-become-objects', from: 1, migrate: votesBecomeTalliesAndQuotesBecomeObjects },
  { name: 'relationships-gain-the-other-sides-view', from: 2, migrate: relationshipsGainTheOtherSidesView },
  { name: 'workspaces-gain-snapshots', from: 3, migrate: workspacesGainSnapshots },
];

export type MigrationResult =
  | { ok: true; raw: Record<string, unknown>; applied: string[] }
  | { ok: false; missingStepFrom: number };

/**
 * Brings a raw workspace object from `fromVersion` up to `targetVersion` by applying consecutive steps.
 * The input is not modified. Fails if a step is missing (which would be a bug in this build, not the file).
 */
export function migrateToCurrent(
  raw: Record<string, unknown>,
  fromVersion: number,
  steps: readonly MigrationStep[] = MIGRATIONS,
  targetVersion: number = CURRENT_VERSION,
): MigrationResult {
  let current = raw;
  const applied: string[] = [];
  for (let version = fromVersion; version < targetVersion; version++) {
    const step = steps.find((s) => s.from === version);
    if (!step) return { ok: false, missingStepFrom: version };
    current = { ...step.migrate(current), version: version + 1 };
    applied.push(step.name);
  }
  return { ok: true, raw: current, applied };
}
