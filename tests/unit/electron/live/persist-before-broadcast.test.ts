import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PersistBeforeBroadcast } from '../../../../electron/live/persist-before-broadcast';
import { until } from './live-clients';

/*
 * The host's crash-resume rule (persist-before-broadcast.ts): nothing is broadcast or acknowledged before the state
 * that holds it is on disk. A document that counts its flushes stands in for the Hocuspocus Document, and writes
 * finish when the test says so.
 */

class CountingDocument extends Y.Doc {
  flushes = 0;
  flush(): void {
    this.flushes += 1;
  }
}

/** Writes that wait for the test: each one is recorded with the state it was given. */
class SlowDisk {
  readonly writes: Array<{ state: Uint8Array; finish: (error?: Error) => void }> = [];
  readonly write = (state: Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      this.writes.push({ state, finish: (error) => (error ? reject(error) : resolve()) });
    });

  /** The text of a map entry in what was last written. */
  lastWritten(key: string): unknown {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, this.writes.at(-1)!.state);
    return doc.getMap('m').get(key);
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function setUp() {
  const document = new CountingDocument();
  const disk = new SlowDisk();
  const failures: unknown[] = [];
  const gate = new PersistBeforeBroadcast({ document, write: disk.write, onWriteFailed: (error) => failures.push(error) });
  document.on('update', () => gate.changed(null));
  return { document, disk, failures, gate };
}

describe('PersistBeforeBroadcast', () => {
  it("broadcasts the host's own change only once it is on disk", async () => {
    const { document, disk } = setUp();
    document.getMap('m').set('a', 1);
    await settle();
    expect(disk.writes).toHaveLength(1);
    expect(disk.lastWritten('a')).toBe(1);
    expect(document.flushes).toBe(0);
    disk.writes[0]!.finish();
    await until(() => document.flushes === 1, 'the flush');
  });

  it("writes a participant's accepted update before it is applied, then broadcasts it with no second write", async () => {
    const document = new CountingDocument();
    const disk = new SlowDisk();
    const gate = new PersistBeforeBroadcast({ document, write: disk.write, onWriteFailed: () => undefined });
    const sender = {};
    // As the server does: a change applied from a participant's connection names that connection.
    document.on('update', (_update: Uint8Array, origin: unknown) => gate.changed(origin === sender ? sender : null));
    const replica = new Y.Doc();
    replica.getMap('m').set('b', 'from a participant');
    const update = Y.encodeStateAsUpdate(replica);

    let written = false;
    const writing = gate.writeWith(sender, update).then(() => (written = true));
    await settle();
    expect(disk.lastWritten('b')).toBe('from a participant');
    expect(document.getMap('m').get('b')).toBeUndefined();
    expect(written).toBe(false);
    disk.writes[0]!.finish();
    await writing;

    // Hocuspocus applies it (and acknowledges it) only now.
    Y.applyUpdate(document, update, sender);
    gate.applied(sender);
    await until(() => document.flushes === 1, 'the flush');
    expect(disk.writes).toHaveLength(1);
  });

  it('coalesces a burst: changes during a write cost one more write, which holds all of them', async () => {
    const { document, disk } = setUp();
    document.getMap('m').set('n', 0);
    await settle();
    for (let i = 1; i <= 10; i += 1) document.getMap('m').set('n', i);
    disk.writes[0]!.finish();
    await until(() => disk.writes.length === 2, 'the second write');
    expect(disk.lastWritten('n')).toBe(10);
    expect(document.flushes).toBe(0);
    disk.writes[1]!.finish();
    await until(() => document.flushes === 1, 'the flush');
    expect(disk.writes).toHaveLength(2);
  });

  it('a failed write is reported, nothing is broadcast, writeWith rejects, and the next change tries again', async () => {
    const { document, disk, failures, gate } = setUp();
    const replica = new Y.Doc();
    replica.getMap('m').set('d', 4);
    const writing = gate.writeWith({}, Y.encodeStateAsUpdate(replica));
    const outcome = writing.then(
      () => 'written',
      () => 'failed',
    );
    await settle();
    disk.writes[0]!.finish(new Error('disk full'));
    expect(await outcome).toBe('failed');
    expect(failures).toHaveLength(1);
    expect(document.flushes).toBe(0);
    document.getMap('m').set('e', 5);
    await until(() => disk.writes.length === 2, 'the retry');
    disk.writes[1]!.finish();
    await until(() => document.flushes === 1, 'the flush');
  });

  it('presence goes out at once when nothing waits to be written, else with the write', async () => {
    const { document, disk, gate } = setUp();
    gate.presenceChanged();
    await until(() => document.flushes === 1, 'the presence flush');
    document.getMap('m').set('f', 6);
    gate.presenceChanged();
    await settle();
    expect(document.flushes).toBe(1);
    disk.writes[0]!.finish();
    await until(() => document.flushes === 2, 'the flush after the write');
  });
});
