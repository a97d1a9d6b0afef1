import { randomBytes } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { findDanglingReferences } from '../../../../shared/document/references';
import { workspaceSchema, type WorkspaceDocument } from '../../../../shared/document/schema';
import { readWorkspace, writeWorkspace } from '../../../../shared/live/workspace-ydoc';
import { deleteItems } from '../../../../shared/operations/delete-items';
import { addPainPoint, addQuote, updatePainPoint } from '../../../../shared/operations/pain-points';
import { moveStakeholders, updateStakeholder } from '../../../../shared/operations/stakeholders';
import { addParticipant } from '../../../../shared/operations/participants';
import { castBallot } from '../../../../shared/operations/ballots';
import { encodeJoinToken } from '../../../../electron/live/join-token';
import { CLOSE_CODES } from '../../../../electron/live/live-messages';
import { startLiveServer, type LiveParticipant, type LiveServer, type LiveServerOptions } from '../../../../electron/live/live-server';
import { makeTempDir } from '../helpers';
import { ParticipantClient, RawClient, until } from './live-clients';
import { sampleWorkspace } from './sample-workspace';

/*
 * The host's live-session server on loopback with real participants (issue 15): the Hocuspocus provider over
 * Node's WebSocket, as a participant's app runs it, and a raw client writing protocol frames by hand, as a
 * tampered app could. Every test ends with the host's document valid, references included.
 */

const servers: LiveServer[] = [];
const clients: Array<{ destroy?(): void; close?(): void }> = [];

afterEach(async () => {
  for (const client of clients.splice(0)) (client.destroy ?? client.close)?.call(client);
  for (const server of servers.splice(0)) await server.stop();
});

async function host(options: Partial<LiveServerOptions> = {}): Promise<LiveServer> {
  const server = await startLiveServer({ document: sampleWorkspace(), host: '127.0.0.1', stateDir: await makeTempDir('stakemap-live-'), ...options } as LiveServerOptions);
  servers.push(server);
  return server;
}

async function join(server: LiveServer, options: ConstructorParameters<typeof ParticipantClient>[1] = {}): Promise<ParticipantClient> {
  const client = new ParticipantClient(server.joinCode, options);
  clients.push(client);
  await client.synced();
  return client;
}

async function raw(server: LiveServer, secret = server.secret): Promise<RawClient> {
  const client = new RawClient(server.host, server.port, secret);
  clients.push(client);
  await client.open();
  return client;
}

function expectValid(doc: WorkspaceDocument): void {
  expect(workspaceSchema.safeParse(doc).success).toBe(true);
  expect(findDanglingReferences(doc)).toEqual([]);
}

/** The host is still up: a new participant joins and gets the document. */
async function expectHostServing(server: LiveServer): Promise<void> {
  const probe = await join(server, { name: 'Probe' });
  expect(probe.document).toEqual(server.readDocument());
  expectValid(server.readDocument());
}

describe('joining', () => {
  it('a participant joins with the code, gets the host document, is welcomed as a contributor and listed', async () => {
    const seen: LiveParticipant[][] = [];
    const server = await host({ hostName: 'Fran', onParticipantsChanged: (list) => seen.push([...list]) });
    expect(server.joinCode).toMatch(/^127\.0\.0\.1:\d+-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const ann = await join(server, { name: 'Ann' });
    expect(ann.document).toEqual(sampleWorkspace());
    expect(ann.messages).toContainEqual({ type: 'welcome', clientId: ann.clientId, name: 'Ann', role: 'contributor' });
    expect(server.participants()).toEqual([{ clientId: ann.clientId, name: 'Ann', role: 'contributor' }]);
    expect(seen.at(-1)).toEqual([{ clientId: ann.clientId, name: 'Ann', role: 'contributor' }]);

    const bob = await join(server, { name: 'Bob' });
    await until(() => ann.messages.some((m) => m.type === 'peers' && m.peers.length === 3), 'Ann to hear Bob joined');
    expect(ann.messages.findLast((m) => m.type === 'peers')).toEqual({
      type: 'peers',
      peers: [
        { clientId: 'host', name: 'Fran', role: 'facilitator' },
        { clientId: ann.clientId, name: 'Ann', role: 'contributor' },
        { clientId: bob.clientId, name: 'Bob', role: 'contributor' },
      ],
    });
    bob.destroy();
    await until(() => server.participants().length === 1, 'Bob to leave the list');
  });

  it('a wrong secret fails the handshake; after five wrong tries the address is blocked for the window, right code or not', async () => {
    let clock = 1_000_000;
    const server = await host({ now: () => clock });
    const wrongSecret = server.secret.startsWith('A') ? 'BBCDEFGHJKMNPQRS' : 'ABCDEFGHJKMNPQRS';
    const wrongTry = async () => {
      const mallory = new RawClient(server.host, server.port, wrongSecret);
      clients.push(mallory);
      return mallory.closed();
    };

    // Without the secret the participant's hello does not open: closed before Hocuspocus sees a byte.
    expect(await wrongTry()).toBe(CLOSE_CODES.wrongCode);
    expect(await wrongTry()).toBe(CLOSE_CODES.wrongCode);
    // With the secret, a token that is not one, or another document, is a wrong try too.
    const first = await raw(server);
    expect(await first.authenticate('not json')).toEqual({ ok: false, detail: 'wrong-code' });
    expect(await first.authenticate(encodeJoinToken({ name: 'Ann' }), 'another-document')).toEqual({ ok: false, detail: 'wrong-code' });
    // The fifth wrong try blocks the address.
    expect(await wrongTry()).toBe(CLOSE_CODES.tooManyAttempts);
    expect(server.participants()).toEqual([]);

    // Blocked: a new connection from the address is closed at once, even with the right code.
    const blocked = new RawClient(server.host, server.port, server.secret);
    clients.push(blocked);
    expect(await blocked.closed()).toBe(CLOSE_CODES.tooManyAttempts);
    const provider = new ParticipantClient(server.joinCode, { name: 'Ann' });
    clients.push(provider);
    await until(() => provider.closeCodes.includes(CLOSE_CODES.tooManyAttempts), 'the blocked participant to be turned away');
    provider.destroy();

    // A minute later the right code gets in.
    clock += 60_001;
    const later = await raw(server);
    expect(await later.authenticate(encodeJoinToken({ name: 'Ann' }))).toEqual({ ok: true, detail: 'read-write' });
  });

  it("the embedder's participants hook throwing does not turn a participant away: they join, and the error is reported", async () => {
    // A resumed host once reported participants to a function not yet defined; Hocuspocus answers a throw in its
    // connected hook with "permission denied", which ended that participant's session.
    const errors: unknown[] = [];
    const server = await host({
      onParticipantsChanged: () => {
        throw new ReferenceError('not ready yet');
      },
      onError: (error) => errors.push(error),
    });
    const ann = await join(server, { name: 'Ann' });
    await until(() => ann.messages.some((m) => m.type === 'welcome'), 'Ann to be welcomed');
    expect(ann.authFailure).toBeNull();
    expect(server.participants()).toEqual([{ clientId: ann.clientId, name: 'Ann', role: 'contributor' }]);
    expect(errors).toContainEqual(new ReferenceError('not ready yet'));
  });

  it('a participant app with a wrong code is closed with wrongCode, and never sees the document', async () => {
    const server = await host();
    const wrong = new ParticipantClient(server.joinCode, { secret: server.secret.startsWith('A') ? 'BBCDEFGHJKMNPQRS' : 'ABCDEFGHJKMNPQRS' });
    clients.push(wrong);
    await until(() => wrong.closeCodes.includes(CLOSE_CODES.wrongCode), 'the wrong code to be refused');
    wrong.destroy();
    expect(wrong.provider.isSynced).toBe(false);
    expect(wrong.ydoc.getMap('stakeholders').size).toBe(0);
  });
});

describe('what participants may change', () => {
  it('a contributor adds a pain point: the host document has it, and onDocumentChanged is told', async () => {
    const changes: WorkspaceDocument[] = [];
    const server = await host({ onDocumentChanged: (doc) => changes.push(doc) });
    const ann = await join(server, { name: 'Ann' });
    ann.edit((doc) => addPainPoint(doc, { id: 'p-ann', title: 'Approvals get lost in email', categoryId: 'workflows', attachedTo: [{ type: 'stakeholder', id: 's-legal' }] }));
    await ann.acknowledgedByHost();
    expect(readWorkspace(server.ydoc).painPoints.map((p) => p.id)).toEqual(['p-1', 'p-ann']);
    await until(() => changes.some((doc) => doc.painPoints.some((p) => p.id === 'p-ann')), 'onDocumentChanged');
    expect(changes.at(-1)).toEqual(server.readDocument());
    expectValid(server.readDocument());
  });

  it("a contributor's attempt to delete a stakeholder is refused: the host keeps it, and the contributor is told why", async () => {
    const server = await host();
    const ann = await join(server, { name: 'Ann' });
    const bob = await join(server, { name: 'Bob' });
    ann.edit((doc) => deleteItems(doc, { stakeholderIds: ['s-legal'], relationshipIds: [] }));
    expect(await ann.refused()).toMatch(/contributor can add and change pain points.*not stakeholders/i);
    await until(() => ann.closeCodes.includes(CLOSE_CODES.refused), 'the host to close the connection');
    expect(server.readDocument().stakeholders.map((s) => s.id)).toEqual(['s-team', 's-legal']);
    expect(server.readDocument()).toEqual(sampleWorkspace());
    // Nobody else ever saw the deletion.
    expect(bob.document.stakeholders.map((s) => s.id)).toEqual(['s-team', 's-legal']);
    // Joining again with a fresh copy (the contract) gets the host's state.
    ann.destroy();
    const again = await join(server, { name: 'Ann' });
    expect(again.document).toEqual(sampleWorkspace());
  });

  it('setRole takes effect live: the participant is told, an editor may change stakeholders, a viewer nothing', async () => {
    const server = await host();
    const ann = await join(server, { name: 'Ann' });
    expect(server.setRole(ann.clientId!, 'editor')).toBe(true);
    expect(server.setRole('nobody', 'editor')).toBe(false);
    await until(() => ann.messages.some((m) => m.type === 'role' && m.role === 'editor'), 'the role message');
    expect(server.participants()).toEqual([{ clientId: ann.clientId, name: 'Ann', role: 'editor' }]);

    ann.edit((doc) => updateStakeholder(doc, 's-legal', { name: 'Legal & Compliance' }));
    await ann.acknowledgedByHost();
    expect(server.readDocument().stakeholders[1]!.name).toBe('Legal & Compliance');

    // An editor still may not run the session.
    ann.edit((doc) => ({ ...doc, voting: { ...doc.voting, revealed: true } }));
    expect(await ann.refused()).toMatch(/editor cannot change the voting settings/i);
    expect(server.readDocument().voting.revealed).toBe(false);
    ann.destroy();

    const viewer = await join(server, { name: 'Vic' });
    server.setRole(viewer.clientId!, 'viewer');
    await until(() => viewer.messages.some((m) => m.type === 'role' && m.role === 'viewer'), 'the role message');
    viewer.edit((doc) => updatePainPoint(doc, 'p-1', { title: 'Changed by a viewer' }));
    expect(await viewer.refused()).toMatch(/viewer/i);
    expect(server.readDocument().painPoints[0]!.title).toBe('Sign-off takes days');
    expectValid(server.readDocument());
  });

  it('a participant who comes back with their resume key is the same participant, with the role they were given', async () => {
    const server = await host();
    const resumeKey = 'resume-key-of-ann-0123456789';
    const ann = await join(server, { name: 'Ann', resumeKey });
    const clientId = ann.clientId!;
    server.setRole(clientId, 'editor');
    ann.destroy();
    await until(() => server.participants().length === 0, 'Ann to leave');
    const back = await join(server, { name: 'Ann B.', resumeKey });
    expect(back.messages.find((m) => m.type === 'welcome')).toEqual({ type: 'welcome', clientId, name: 'Ann B.', role: 'editor' });
    const stranger = await join(server, { name: 'Zed' });
    expect(stranger.clientId).not.toBe(clientId);
  });

  it("a contributor votes as their own participant record, never with someone else's dots", async () => {
    const server = await host();
    const ann = await join(server, { name: 'Ann' });
    // The facilitator's app adds the joiner's participant record (its id is their clientId).
    writeWorkspace(server.ydoc, addParticipant(server.readDocument(), { id: ann.clientId!, label: 'Ann' }), server.hostOrigin);
    await until(() => ann.document.participants.length === 2, 'the participant record to arrive');
    const cast = (participantId: string) => (doc: WorkspaceDocument) => {
      const result = castBallot(doc, { participantId, painPointId: 'p-1' });
      return result.ok ? result.doc : doc;
    };
    ann.edit(cast(ann.clientId!));
    await ann.acknowledgedByHost();
    expect(server.readDocument().ballots).toEqual([{ participantId: ann.clientId, painPointId: 'p-1' }]);
    ann.edit(cast('pt-1'));
    expect(await ann.refused()).toMatch(/own dots/);
    expect(server.readDocument().ballots).toEqual([{ participantId: ann.clientId, painPointId: 'p-1' }]);
  });
});

describe('a tampered client', () => {
  it('a record with a non-text name is refused even from an editor: the host document stays valid', async () => {
    const server = await host();
    const eve = await join(server, { name: 'Eve' });
    server.setRole(eve.clientId!, 'editor');
    await until(() => eve.messages.some((m) => m.type === 'role'), 'the role message');
    // Straight into the Y.Doc, as no honest app would write it.
    eve.ydoc.transact(() => (eve.ydoc.getMap('stakeholders').get('s-legal') as Y.Map<unknown>).set('name', 42), eve.origin);
    expect(await eve.refused()).toMatch(/stakeholders "s-legal" that does not pass the schema/);
    expect(server.readDocument()).toEqual(sampleWorkspace());
    expect((server.ydoc.getMap('stakeholders').get('s-legal') as Y.Map<unknown>).get('name')).toBe('Legal');
    await expectHostServing(server);
  });

  it('an unknown root type, binary data or a sub-document are refused, though the document would read the same', async () => {
    const server = await host();
    const attempts: Array<(ydoc: Y.Doc) => void> = [
      (ydoc) => ydoc.getMap('evil').set('x', 1),
      (ydoc) => (ydoc.getMap('painPoints').get('p-1') as Y.Map<unknown>).set('extra', new Uint8Array([1, 2, 3])),
      (ydoc) => (ydoc.getMap('painPoints').get('p-1') as Y.Map<unknown>).set('extra', new Y.Doc()),
      (ydoc) => ydoc.getArray('painPoints#order').push([7]),
    ];
    for (const tamper of attempts) {
      const eve = await join(server, { name: 'Eve' });
      eve.ydoc.transact(() => tamper(eve.ydoc), eve.origin);
      expect(await eve.refused()).toMatch(/would put/);
      eve.destroy();
    }
    expect([...server.ydoc.share.keys()].sort()).not.toContain('evil');
    expect(server.readDocument()).toEqual(sampleWorkspace());
    await expectHostServing(server);
  });

  it('an update that is not Yjs at all is refused and the connection closed; the host keeps running', async () => {
    const server = await host();
    const eve = await raw(server);
    expect((await eve.authenticate(encodeJoinToken({ name: 'Eve' }))).ok).toBe(true);
    eve.sendUpdate(randomBytes(2000));
    expect(await eve.closed()).toBe(CLOSE_CODES.refused);
    expect(eve.statelessMessages().find((m) => m.type === 'refused')).toMatchObject({ reason: expect.stringMatching(/could not be (read|applied)/) });
    await expectHostServing(server);
  });

  it('a message larger than the limit closes the connection before the host reads it', async () => {
    // Hocuspocus' Server logs the WebSocket's error; expected here.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const server = await host();
    const eve = await raw(server);
    expect((await eve.authenticate(encodeJoinToken({ name: 'Eve' }))).ok).toBe(true);
    eve.sendUpdate(new Uint8Array(2 * 1024 * 1024));
    expect(await eve.closed()).toBe(CLOSE_CODES.tooBig);
    // Before joining, too.
    const early = await raw(server);
    early.send(new Uint8Array(1024 * 1024 + 1));
    expect(await early.closed()).toBe(CLOSE_CODES.tooBig);
    expect(logged.mock.calls.flat().some((arg) => String(arg).includes('Max payload size exceeded'))).toBe(true);
    logged.mockRestore();
    await expectHostServing(server);
  });

  it('a flood of messages closes the connection; an honest participant meanwhile is served', async () => {
    const server = await host();
    const ann = await join(server, { name: 'Ann' });
    const eve = await raw(server);
    expect((await eve.authenticate(encodeJoinToken({ name: 'Eve' }))).ok).toBe(true);
    const stateVector = (() => {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, server.documentName);
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 0); // sync step 1: makes the host encode its whole state each time
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
      return encoding.toUint8Array(encoder);
    })();
    for (let i = 0; i < 1000; i += 1) eve.send(stateVector);
    expect(await eve.closed()).toBe(CLOSE_CODES.tooManyMessages);
    ann.edit((doc) => addPainPoint(doc, { id: 'p-ann', title: 'Still here', categoryId: 'workflows' }));
    await ann.acknowledgedByHost();
    expect(server.readDocument().painPoints.map((p) => p.id)).toContain('p-ann');
  });

  it("presence is bounded: an oversized state is not relayed, and nobody can speak for someone else's connection", async () => {
    const server = await host();
    const ann = await join(server, { name: 'Ann' });
    const bob = await join(server, { name: 'Bob' });
    const annSeenByBob = () => bob.provider.awareness!.getStates().get(ann.ydoc.clientID) as { user?: { name?: string }; big?: string } | undefined;
    let bobSawLarge = false;
    bob.provider.awareness!.on('change', () => {
      if (annSeenByBob()?.big !== undefined) bobSawLarge = true;
    });
    ann.provider.setAwarenessField('user', { name: 'Ann' });
    await until(() => annSeenByBob()?.user?.name === 'Ann', "Bob to see Ann's presence");

    // Too large: not relayed (Bob keeps Ann's last state), until Ann's state is small again.
    ann.provider.awareness!.setLocalState({ user: { name: 'Ann, large' }, big: 'x'.repeat(20_000) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    ann.provider.awareness!.setLocalState({ user: { name: 'Ann again' } });
    await until(() => annSeenByBob()?.user?.name === 'Ann again', "Bob to see Ann's next presence");
    expect(bobSawLarge).toBe(false);

    // Eve forges Ann's presence: the same Yjs client id, a newer clock.
    const eve = await raw(server);
    expect((await eve.authenticate(encodeJoinToken({ name: 'Eve' }))).ok).toBe(true);
    const forged = new Y.Doc();
    forged.clientID = ann.ydoc.clientID;
    const forgedPresence = new Awareness(forged);
    for (let i = 0; i < 100; i += 1) forgedPresence.setLocalState({ user: { name: `Not Ann ${i}` } });
    eve.sendAwareness(encodeAwarenessUpdate(forgedPresence, [forged.clientID]));
    ann.provider.setAwarenessField('user', { name: 'Ann, still' });
    await until(() => annSeenByBob()?.user?.name === 'Ann, still', "Bob to see Ann's own presence");
    expect(JSON.stringify([...bob.provider.awareness!.getStates().values()])).not.toContain('Not Ann');
    forgedPresence.destroy();
  });

  it('an update that builds on changes the host never got is not applied; the host asks for them and then takes both', async () => {
    const server = await host();
    const eve = await raw(server);
    expect((await eve.authenticate(encodeJoinToken({ name: 'Eve' }))).ok).toBe(true);
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(server.ydoc));
    const updates: Uint8Array[] = [];
    local.on('update', (update: Uint8Array) => updates.push(update));
    writeWorkspace(local, addPainPoint(readWorkspace(local), { id: 'p-first', title: 'First', categoryId: 'workflows' }));
    writeWorkspace(local, addPainPoint(readWorkspace(local), { id: 'p-second', title: 'Second', categoryId: 'workflows' }));
    const [, second] = updates;

    const seen = eve.received.length;
    eve.sendUpdate(second!);
    // The host answers with a sync step 1 (its state vector), asking for what it lacks.
    await until(() => eve.received.slice(seen).some(isSyncStep1), 'the host to ask for the missing change');
    expect(server.readDocument().painPoints.map((p) => p.id)).toEqual(['p-1']);
    expect(server.ydoc.store.pendingStructs).toBeNull();

    eve.sendUpdate(Y.encodeStateAsUpdate(local, Y.encodeStateVector(server.ydoc)));
    await until(() => server.readDocument().painPoints.length === 3, 'both pain points');
    expect(server.readDocument().painPoints.map((p) => p.id)).toEqual(['p-1', 'p-first', 'p-second']);
  });
});

describe('convergence', () => {
  it("two participants' concurrent edits converge on all three: a drag and a rename of one stakeholder, two quotes on one pain point", async () => {
    const server = await host();
    const ann = await join(server, { name: 'Ann' });
    const bob = await join(server, { name: 'Bob' });
    for (const who of [ann, bob]) server.setRole(who.clientId!, 'editor');
    await until(() => [ann, bob].every((who) => who.messages.some((m) => m.type === 'role')), 'the role messages');

    // Both edit before either hears of the other's change.
    ann.edit((doc) => addQuote(moveStakeholders(doc, [{ id: 's-legal', position: { x: 900, y: 450 } }]), 'p-1', 'Three days for one tweet', 's-team'));
    bob.edit((doc) => addQuote(updateStakeholder(doc, 's-legal', { name: 'Legal & Compliance' }), 'p-1', 'We never hear back', 's-legal'));
    await Promise.all([ann.acknowledgedByHost(), bob.acknowledgedByHost()]);
    await until(() => JSON.stringify(ann.document) === JSON.stringify(server.readDocument()) && JSON.stringify(bob.document) === JSON.stringify(server.readDocument()), 'all three to converge');

    const legal = server.readDocument().stakeholders.find((s) => s.id === 's-legal')!;
    expect(legal.name).toBe('Legal & Compliance');
    expect(legal.position).toEqual({ x: 900, y: 450 });
    expect(server.readDocument().painPoints[0]!.quotes.map((q) => q.text).sort()).toEqual(['Three days for one tweet', 'We never hear back']);
    expect(ann.document).toEqual(server.readDocument());
    expect(bob.document).toEqual(server.readDocument());
    expectValid(server.readDocument());
  });

  it("the host's own edits reach participants, and end-of-session tells them", async () => {
    const server = await host();
    const ann = await join(server, { name: 'Ann' });
    writeWorkspace(server.ydoc, updateStakeholder(server.readDocument(), 's-team', { name: 'Social team' }), server.hostOrigin);
    await until(() => ann.document.stakeholders[0]!.name === 'Social team', 'the host edit to arrive');
    await server.stop();
    servers.splice(servers.indexOf(server), 1);
    await until(() => ann.messages.some((m) => m.type === 'ended'), 'the end of the session');
  });
});

function isSyncStep1(message: Uint8Array): boolean {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  return decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 0;
}
