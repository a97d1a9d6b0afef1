import { fork, spawn, type ChildProcess } from 'node:child_process';
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { ParticipantClient, until } from '../../tests/unit/electron/live/live-clients';

/*
 * The live-session soak (issue 15): N simulated participants (default 20) each add one pain point a second for
 * S seconds (default 60) on the loopback, through the real session server in a process of its own, while one
 * more participant watches. Reports how long an edit takes to be visible at the watcher (p50, p95, max), the
 * host's CPU and memory, and how many edits were lost (must be 0). Not a test: figures depend on the machine.
 * The participants run in a few processes of their own (soak-participants.ts), as on their own laptops; the
 * watcher runs here, and an edit's latency is from its send time there to the moment it shows here, on the
 * machine's one clock.
 *
 *   npm run bench:live [-- --participants=20 --seconds=60 --processes=4]
 */

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const PARTICIPANTS = arg('participants', 20);
const SECONDS = arg('seconds', 60);
const PROCESSES = Math.max(1, Math.min(arg('processes', 4), PARTICIPANTS));
const root = fileURLToPath(new URL('../..', import.meta.url));

const hostProcess = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'bench/live/soak-host.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: hostProcess.stdout });
const samples: { cpuMs: number; rssBytes: number; at: number }[] = [];
const joinCode = await new Promise<string>((resolve) => {
  lines.on('line', (line) => {
    const value = JSON.parse(line) as { joinCode?: string; cpuMs?: number; rssBytes?: number; at?: number };
    if (value.joinCode) resolve(value.joinCode);
    else samples.push(value as { cpuMs: number; rssBytes: number; at: number });
  });
});

const now = () => performance.timeOrigin + performance.now();
const watcher = new ParticipantClient(joinCode, { name: 'Watcher' });
await watcher.synced();
const sentAt = new Map<string, number>();
const seenAt = new Map<string, number>();
watcher.ydoc.getMap('painPoints').observe((event: Y.YMapEvent<unknown>) => {
  const at = now();
  for (const [key, change] of event.changes.keys) if (change.action === 'add' && !seenAt.has(key)) seenAt.set(key, at);
});

// The participants, in PROCESSES groups of (about) equal size.
const groups: ChildProcess[] = [];
let done = 0;
let sent = 0;
const joined = Array.from({ length: PROCESSES }, (_, g) => {
  const from = Math.floor((g * PARTICIPANTS) / PROCESSES);
  const to = Math.floor(((g + 1) * PARTICIPANTS) / PROCESSES);
  const child = fork(path.join(root, 'bench/live/soak-participants.ts'), [joinCode, String(from), String(to - from), String(SECONDS), String(PARTICIPANTS)], {
    execPath: process.execPath,
    execArgv: ['--import', 'tsx'],
  });
  groups.push(child);
  return new Promise<void>((resolve) =>
    child.on('message', (message: { type: string; id?: string; at?: number; sent?: number }) => {
      if (message.type === 'joined') resolve();
      else if (message.type === 'sent') sentAt.set(message.id!, message.at!);
      else if (message.type === 'done') {
        done += 1;
        sent += message.sent!;
      }
    }),
  );
});
await Promise.all(joined);
console.log(`${PARTICIPANTS} participants (in ${PROCESSES} processes) and a watcher joined; each adds a pain point a second for ${SECONDS} s …`);

const cpuAtStart = samples.at(-1)?.cpuMs ?? 0;
const wallAtStart = Date.now();
for (const child of groups) child.send({ type: 'go' });
await until(() => done === PROCESSES, 'every participant to be acknowledged', (SECONDS + 60) * 1000);
await until(() => [...sentAt.keys()].every((id) => seenAt.has(id)), 'the watcher to see every edit', 30_000).catch(() => undefined);
const wall = Date.now() - wallAtStart;
const lastSample = samples.at(-1)!;
const hostCpuPercent = ((lastSample.cpuMs - cpuAtStart) / wall) * 100;
const peakRss = Math.max(...samples.map((s) => s.rssBytes));
const latencies = [...sentAt].flatMap(([id, at]) => (seenAt.has(id) ? [seenAt.get(id)! - at] : []));

const finalIds = new Set(watcher.document.painPoints.map((p) => p.id));
const lost = [...sentAt.keys()].filter((id) => !finalIds.has(id)).length;
const sorted = [...latencies].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const report = [
  `# Live session soak — ${new Date().toISOString()}`,
  '',
  `${PARTICIPANTS} participants in ${PROCESSES} processes, one edit (a new pain point) a second each for ${SECONDS} s, on the loopback; the real session server in its own process, the watcher in another, all on Node ${process.version}. Latency: from an edit's send time in its participant's process to the moment the watcher's copy has it (the machine's one clock).`,
  '',
  '| Measure | Value |',
  '| --- | ---: |',
  `| Edits sent | ${sent} |`,
  `| Edits lost (not in the watcher's document at the end) | ${lost} |`,
  `| Edit to visible at the watcher, p50 | ${pct(50).toFixed(1)} ms |`,
  `| Edit to visible, p95 | ${pct(95).toFixed(1)} ms |`,
  `| Edit to visible, max | ${(sorted.at(-1) ?? NaN).toFixed(1)} ms |`,
  `| Host CPU (share of one core) | ${hostCpuPercent.toFixed(1)} % |`,
  `| Host resident memory, peak | ${(peakRss / 1024 / 1024).toFixed(1)} MiB |`,
  '',
].join('\n');
console.log(report);
await mkdir(path.join(root, 'bench/results'), { recursive: true });
await writeFile(path.join(root, 'bench/results/live-soak.md'), report);
watcher.destroy();
hostProcess.stdin.end();
await new Promise((resolve) => hostProcess.on('exit', resolve));
process.exit(lost === 0 ? 0 : 1);
