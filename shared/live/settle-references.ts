import type { WorkspaceDocument } from '../document/schema';

/*
 * What a document merged from several people's concurrent edits needs before it is shown or saved: in a live
 * session one person may delete a stakeholder while another attaches a pain point to it, or two laptops of one
 * participant may each give a last dot. The rule is the one a local delete follows (delete-items.ts): whatever
 * pointed at a deleted item lets go of it, the item itself is not brought back. Applied the same way on every
 * replica, so they all read the same document; a document that needs nothing comes back as it was (same object).
 */

export function settleReferences(doc: WorkspaceDocument): WorkspaceDocument {
  const stakeholderIds = new Set(doc.stakeholders.map((s) => s.id));
  const voiceOk = (voice: string | null) => voice === null || stakeholderIds.has(voice);
  let changed = false;
  const note = <T>(before: T, after: T): T => {
    if (before !== after) changed = true;
    return after;
  };

  // Ids must be unique in each collection; the first one stays (concurrent adds use fresh random ids, so this is
  // for a tampered or hand-made state).
  const unique = <T extends { id: string }>(list: T[]): T[] => {
    const seen = new Set<string>();
    const kept = list.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
    return kept.length === list.length ? list : kept;
  };
  const stakeholders = note(doc.stakeholders, unique(doc.stakeholders));

  // A relationship needs both ends, and there is at most one per pair (connect refuses a second; two people
  // connecting the same two at once keep the first in the shared order).
  const pairs = new Set<string>();
  const relationshipsKept = unique(doc.relationships).filter((r) => {
    if (!stakeholderIds.has(r.source) || !stakeholderIds.has(r.target)) return false;
    const pair = r.source < r.target ? `${r.source}\u0000${r.target}` : `${r.target}\u0000${r.source}`;
    if (pairs.has(pair)) return false;
    pairs.add(pair);
    return true;
  });
  const relationships = note(doc.relationships, relationshipsKept.length === doc.relationships.length ? doc.relationships : relationshipsKept);
  const relationshipIds = new Set(relationships.map((r) => r.id));

  const painPointsUnique = unique(doc.painPoints);
  const painPointsSettled = painPointsUnique.map((p) => {
    const attachedTo = p.attachedTo.filter((a) => (a.type === 'stakeholder' ? stakeholderIds.has(a.id) : relationshipIds.has(a.id)));
    const quotes = p.quotes.some((q) => !voiceOk(q.voice)) ? p.quotes.map((q) => (voiceOk(q.voice) ? q : { ...q, voice: null })) : p.quotes;
    const voice = voiceOk(p.voice) ? p.voice : null;
    if (attachedTo.length === p.attachedTo.length && quotes === p.quotes && voice === p.voice) return p;
    return { ...p, attachedTo: attachedTo.length === p.attachedTo.length ? p.attachedTo : attachedTo, quotes, voice };
  });
  const painPoints = note(doc.painPoints, painPointsSettled.every((p, i) => p === doc.painPoints[i]) && painPointsSettled.length === doc.painPoints.length ? doc.painPoints : painPointsSettled);
  const painPointIds = new Set(painPoints.map((p) => p.id));

  const solutionsSettled = unique(doc.solutions).map((s) => {
    const addresses = s.addresses.filter((id, i) => painPointIds.has(id) && s.addresses.indexOf(id) === i);
    return addresses.length === s.addresses.length ? s : { ...s, addresses };
  });
  const solutions = note(doc.solutions, solutionsSettled.every((s, i) => s === doc.solutions[i]) && solutionsSettled.length === doc.solutions.length ? doc.solutions : solutionsSettled);

  const categories = note(doc.categories, unique(doc.categories));

  const participantsSettled = unique(doc.participants).map((p) => (p.departmentId === null || stakeholderIds.has(p.departmentId) ? p : { ...p, departmentId: null }));
  const participants = note(
    doc.participants,
    participantsSettled.every((p, i) => p === doc.participants[i]) && participantsSettled.length === doc.participants.length ? doc.participants : participantsSettled,
  );
  const participantIds = new Set(participants.map((p) => p.id));

  // Ballots: for someone in the list, on a pain point that exists, once per pair, and no more than the budget
  // (the first ones in the shared order count).
  const cast = new Map<string, number>();
  const pairsVoted = new Set<string>();
  const ballotsKept = doc.ballots.filter((b) => {
    if (!participantIds.has(b.participantId) || !painPointIds.has(b.painPointId)) return false;
    const pair = `${b.participantId}\u0000${b.painPointId}`;
    if (pairsVoted.has(pair)) return false;
    const count = cast.get(b.participantId) ?? 0;
    if (count >= doc.voting.budget) return false;
    pairsVoted.add(pair);
    cast.set(b.participantId, count + 1);
    return true;
  });
  const ballots = note(doc.ballots, ballotsKept.length === doc.ballots.length ? doc.ballots : ballotsKept);

  const stages = unique(doc.agenda.stages);
  const currentStageId = doc.agenda.currentStageId !== null && !stages.some((s) => s.id === doc.agenda.currentStageId) ? null : doc.agenda.currentStageId;
  const agenda = stages === doc.agenda.stages && currentStageId === doc.agenda.currentStageId ? doc.agenda : { ...doc.agenda, stages, currentStageId };
  note(doc.agenda, agenda);

  if (!changed) return doc;
  return { ...doc, stakeholders, relationships, painPoints, solutions, categories, participants, ballots, agenda };
}
