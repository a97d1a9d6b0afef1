import { readFileSync } from 'node:fs';
import { createRecoveryDrafts } from '../../../../../electron/services/recovery-drafts';

/*
 * The child process of recovery-drafts.crash.test.ts: writes drafts in an endless loop until the test kills it
 * with SIGKILL. Bundled by the test with esbuild and run with plain node (it starts in a few tens of
 * milliseconds, so hundreds of kills stay quick). Prints "ready" before the first write and "saved" after the
 * first complete one.
 *
 * Arguments: the drafts folder, then a JSON file naming the drafts to write:
 *   { alternating: { draftId, filePath, displayName, contents: [a, b] }, comingAndGoing: { draftId, content } }
 */

interface Plan {
  readonly alternating: { readonly draftId: string; readonly filePath: string; readonly displayName: string; readonly contents: readonly [string, string] };
  readonly comingAndGoing: { readonly draftId: string; readonly content: string };
}

const [dir, planFile] = process.argv.slice(2);
if (!dir || !planFile) throw new Error('usage: recovery-drafts-crash-child <drafts folder> <plan.json>');
const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Plan;
const drafts = createRecoveryDrafts({ dir, now: () => new Date() });
const { alternating, comingAndGoing } = plan;

process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  await drafts.save({
    draftId: alternating.draftId,
    filePath: alternating.filePath,
    displayName: alternating.displayName,
    content: alternating.contents[i % 2]!,
  });
  if (i === 0) process.stdout.write('saved\n');
  // The second draft comes and goes, as a workspace's does when it is saved and then edited again.
  if (i % 2 === 0) await drafts.save({ draftId: comingAndGoing.draftId, filePath: null, displayName: 'Untitled', content: comingAndGoing.content });
  else await drafts.discard(comingAndGoing.draftId);
}
