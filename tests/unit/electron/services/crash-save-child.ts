import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../../../electron/services/workspace-files';

/*
 * The process crash-save.test.ts kills: saves two complete versions of a workspace over one file, alternately,
 * with the app's own writeFileAtomic, until it is killed (SIGKILL, at a random moment). Bundled with esbuild
 * by the test and run with plain node, so a start costs milliseconds.
 *
 * Usage: node crash-save-child.mjs <target> <version A file> <version B file>
 */

const [target, versionA, versionB] = process.argv.slice(2);
if (!target || !versionA || !versionB) {
  console.error('usage: crash-save-child <target> <version A> <version B>');
  process.exit(2);
}
const versions = [readFileSync(versionA), readFileSync(versionB)] as const;
// Start with the version the file does not hold, so that even a kill during the first save interrupts a change.
let onDisk: Buffer | null = null;
try {
  onDisk = readFileSync(target);
} catch {
  // No file yet.
}
const first = onDisk?.equals(versions[0]) ? 1 : 0;

// Told before the first save, so a kill may land anywhere in it, the clean-up of leftovers included.
process.stdout.write('saving\n');
for (let i = first; ; i++) {
  await writeFileAtomic(target, versions[i % 2]!);
}
