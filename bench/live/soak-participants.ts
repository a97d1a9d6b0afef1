import { addRecord } from '../../shared/live/workspace-ydoc';
import { addPainPoint } from '../../shared/operations/pain-points';
import { createWorkspace } from '../../shared/operations/workspace';
import { ParticipantClient } from '../../tests/unit/electron/live/live-clients';

/*
 * A few of the live soak's participants (bench/live/soak.ts), in a process of their own: on a real network every
 * participant has a laptop to themselves, so simulating all twenty in the one process that also watches would
 * measure that process's queue as much as the session. Started with the join code, the first participant's
 * number and how many; connects them, reports "joined", and on "go" has each add a pain point a second for the
 * given seconds, reporting every edit's id and send time (performance.timeOrigin + now: one clock for every
 * process on the machine); reports "done" once the host has acknowledged all of them.
 */

const [joinCode = '', firstArg = '0', countArg = '1', secondsArg = '60', totalArg = '20'] = process.argv.slice(2);
const first = Number(firstArg);
const count = Number(countArg);
const seconds = Number(secondsArg);
const total = Number(totalArg);
const say = (message: unknown) => process.send?.(message);
const now = () => performance.timeOrigin + performance.now();

const EMPTY = createWorkspace('Soak', new Date());
const people = Array.from({ length: count }, (_, k) => new ParticipantClient(joinCode, { name: `P${first + k + 1}` }));
await Promise.all(people.map((p) => p.synced()));
say({ type: 'joined' });

process.on('message', (message: { type?: string }) => {
  if (message.type !== 'go') return;
  void (async () => {
    let sent = 0;
    for (let second = 0; second < seconds; second += 1) {
      const tick = performance.now();
      people.forEach((person, k) => {
        const i = first + k;
        // Spread over the second, as people are.
        setTimeout(() => {
          const id = `soak-${i}-${second}`;
          say({ type: 'sent', id, at: now() });
          // The update a participant's app sends for a new pain point, made without re-reading the whole document:
          // each participant's own laptop pays for that, not this one machine for twenty (addRecord).
          const record = addPainPoint(EMPTY, { id, title: `P${i + 1} at ${second} s`, categoryId: 'workflows', attachedTo: [] }).painPoints[0]!;
          addRecord(person.ydoc, 'painPoints', record, new Date().toISOString(), person.origin);
          sent += 1;
        }, (i * 1000) / total);
      });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (performance.now() - tick))));
    }
    await Promise.all(people.map((p) => p.acknowledgedByHost(30_000)));
    say({ type: 'done', sent });
    for (const person of people) person.destroy();
    process.disconnect();
  })();
});
