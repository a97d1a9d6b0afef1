import { z } from 'zod';
import type { WorkspaceDocument } from '../document/schema';

/*
 * "Safe to share": the workspace as it may leave the room. Quotes are the participants' own words and
 * relationships are named as problematic, so an export for people who were not there must not say who said
 * what. Every export format (PNG with its embedded workspace, PDF, Markdown, CSV) is made from the document this
 * returns, so nothing redacted can reach any byte of the output.
 */

export const safeToShareSchema = z.object({
  /** Make the export safe to share at all. */
  enabled: z.boolean(),
  /** Also remove the owners of stakeholders and solutions (people's names, often). */
  removeOwners: z.boolean(),
  /** What becomes of quotes: kept, without saying whose department spoke, or removed. */
  quotes: z.enum(['unattributed', 'removed']),
});
export type SafeToShare = z.infer<typeof safeToShareSchema>;

export const DEFAULT_SAFE_TO_SHARE: SafeToShare = Object.freeze({ enabled: false, removeOwners: true, quotes: 'unattributed' });

/**
 * A department's voice is identifiable where fewer than this many people spoke for it: its attributions (a pain
 * point's or a quote's voice, a participant's department) are withheld below it.
 */
export const MIN_VOICES = 3;

/**
 * How many voices each department (stakeholder id) has: the participants who belong to it. Where participants are
 * not listed, a department has no counted voices, so its attributions are withheld: the safe side.
 */
export function voicesByDepartment(doc: WorkspaceDocument): Map<string, number> {
  const voices = new Map<string, number>();
  for (const p of doc.participants) if (p.departmentId) voices.set(p.departmentId, (voices.get(p.departmentId) ?? 0) + 1);
  return voices;
}

/**
 * The workspace with what is not safe to share taken out:
 * - participants' names become anonymous labels (Participant 1, 2 ...), their votes kept, and anything else
 *   recorded about them or beside a quote (unknown properties) is dropped;
 * - quotes lose their attribution (or are removed, if asked);
 * - owners are removed, if asked;
 * - a department's attribution is withheld wherever fewer than MIN_VOICES people spoke for it.
 * Returns the same document when the option is off.
 */
export function redactForSharing(doc: WorkspaceDocument, options: SafeToShare): WorkspaceDocument {
  if (!options.enabled) return doc;
  const voices = voicesByDepartment(doc);
  const attributable = (department: string | null) => (department !== null && (voices.get(department) ?? 0) >= MIN_VOICES ? department : null);
  // Snapshots hold earlier states of the same map: the same people are named there, so they are redacted alike.
  const redactMap = <T extends Pick<WorkspaceDocument, 'stakeholders' | 'solutions' | 'painPoints'>>(state: T): T => ({
    ...state,
    stakeholders: options.removeOwners ? state.stakeholders.map((s) => ({ ...s, owner: '' })) : state.stakeholders,
    solutions: options.removeOwners ? state.solutions.map((s) => ({ ...s, owner: '' })) : state.solutions,
    painPoints: state.painPoints.map((p) => ({
      ...p,
      voice: attributable(p.voice),
      quotes: options.quotes === 'removed' ? [] : p.quotes.map((q) => ({ text: q.text, voice: null })),
    })),
  });
  return {
    ...redactMap(doc),
    snapshots: doc.snapshots.map((s) => ({ ...s, state: redactMap(s.state) })),
    // Only the known fields: another tool may have added an e-mail address or a full name beside them.
    participants: doc.participants.map((p, i) => ({ id: p.id, label: `Participant ${i + 1}`, departmentId: attributable(p.departmentId) })),
  };
}
