import { spawn } from 'node:child_process';
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { addPainPoint } from '../../shared/operations/pain-points';
import { ParticipantClient, until } from '../../tests/unit/electron/live/live-clients';

/*
 * The live-session soak (issue 15): N simulated participants (default 20) each add one pain point a second for
 * S seconds (default 60) on the loopback, through the real session server in a process of its own, while one
 * more participant watches. Reports how long an edit takes to be visible at the watcher (p50, p95, max), the
 * host's CPU and memory, and how many edits were lost (must be 0). Not a test: figures depend on the machine.
 *
 *   npm run bench:live [-- --participants=20 --seconds=60]
 */

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const PARTICIPANTS = arg('participants', 20);
const SECONDS = arg('seconds', 60);
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

const watcher = new ParticipantClient(joinCode, { name: 'Watcher' });
await watcher.synced();
const sentAt = new Map<string, number>();
const latencies: number[] = [];
const seen = new Set<string>();
watcher.ydoc.getMap('painPoints').observe((event: Y.YMapEvent<unknown>) => {
  const now = performance.now();
  for (const [key, change] of event.changes.keys) {
    if (change.action !== 'add' || seen.has(key)) continue;
    seen.add(key);
    const sent = sentAt.get(key);
    if (sent !== undefined) latencies.push(now - sent);
  }
});

const people = Array.from({ length: PARTICIPANTS }, (_, i) => new ParticipantClient(joinCode, { name: `P${i + 1}` }));
await Promise.all(people.map((p) => p.synced()));
console.log(`${PARTICIPANTS} participants and a watcher joined; each adds a pain point a second for ${SECONDS} s …`);

const cpuAtStart = samples.at(-1)?.cpuMs ?? 0;
const wallAtStart = Date.now();
let sent = 0;
for (let second = 0; second < SECONDS; second += 1) {
  const tick = performance.now();
  people.forEach((person, i) => {
    // Spread over the second, as people are.
    setTimeout(() => {
      const id = `soak-${i}-${second}`;
      sentAt.set(id, performance.now());
      person.edit((doc) => addPainPoint(doc, { id, title: `P${i + 1} at ${second} s`, categoryId: 'workflows', attachedTo: [] }));
      sent += 1;
    }, (i * 1000) / PARTICIPANTS);
  });
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (performance.now() - tick))));
}
await Promise.all(people.map((p) => p.acknowledgedByHost(30_000)));
await until(() => seen.size >= sent, 'the watcher to see every edit', 30_000).catch(() => undefined);
const wall = Date.now() - wallAtStart;
const lastSample = samples.at(-1)!;
const hostCpuPercent = ((lastSample.cpuMs - cpuAtStart) / wall) * 100;
const peakRss = Math.max(...samples.map((s) => s.rssBytes));

const finalIds = new Set(watcher.document.painPoints.map((p) => p.id));
const lost = [...sentAt.keys()].filter((id) => !finalIds.has(id)).length;
const sorted = [...latencies].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const report = [
  `# Live session soak — ${new Date().toISOString()}`,
  '',
  `${PARTICIPANTS} participants, one edit (a new pain point) a second each for ${SECONDS} s, on the loopback; the real session server in its own process on Node ${process.version}.`,
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
for (const p of [...people, watcher]) p.destroy();
hostProcess.stdin.end();
await new Promise((resolve) => hostProcess.on('exit', resolve));
process.exit(lost === 0 ? 0 : 1);
