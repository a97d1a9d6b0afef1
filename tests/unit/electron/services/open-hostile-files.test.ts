import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeLoadError } from '../../../../shared/document/describe-load';
import { parseWorkspace } from '../../../../shared/document/parse';
import { readWorkspaceFile } from '../../../../electron/services/workspace-files';
import { fixturePath } from '../../shared/test-helpers';
import { makeTempDir } from '../helpers';

/*
 * Hostile and broken files opened the way the app opens them: main reads the bytes (readWorkspaceFile: size
 * limit, strict UTF-8), the renderer parses the text (parseWorkspace). Each is refused with a short message that
 * names the problem, and the file on disk is exactly as it was (same bytes, same modification time).
 */

const FIFTY_MB = 50 * 1024 * 1024;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Large hostile files, written for the test (too big to keep as fixtures). */
const GENERATED: Record<string, () => string> = {
  'fifty-megabyte-name.stakemap': () =>
    `{"format":"stakemap","version":1,"stakeholders":[{"id":"s","name":"${'x'.repeat(FIFTY_MB)}","kind":"team","position":{"x":0,"y":0}}]}`,
  'deeply-nested.stakemap': () => `{"format":"stakemap","version":1,"x-deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
  'thousands-of-duplicates.stakemap': () =>
    JSON.stringify({
      format: 'stakemap',
      version: 1,
      stakeholders: Array.from({ length: 5000 }, () => ({ id: 's-legal', name: 'Legal', kind: 'department', position: { x: 0, y: 0 } })),
    }),
};

const FIXTURES = ['utf16le.stakemap', 'utf16be.stakemap', 'utf16le-no-bom.stakemap', 'non-finite-numbers.stakemap', 'bad-votes.stakemap', 'long-name.stakemap'];

/** Opens a file as the app does; gives the message the user would read. */
async function openAsTheAppDoes(filePath: string): Promise<{ refusedBy: 'main' | 'parser'; words: string }> {
  const read = await readWorkspaceFile(filePath);
  if (read.kind === 'failed') return { refusedBy: 'main', words: read.reason };
  if (read.kind === 'tooLarge') return { refusedBy: 'main', words: `too large: ${read.size}` };
  const parsed = parseWorkspace(read.content);
  if (parsed.ok) throw new Error(`${path.basename(filePath)} opened, but it should have been refused`);
  const message = describeLoadError(path.basename(filePath), parsed.error);
  for (const line of [message.summary, ...message.details]) expect(line.length).toBeLessThan(400);
  expect(message.details.length).toBeLessThanOrEqual(21);
  return { refusedBy: 'parser', words: [message.summary, ...message.details].join('\n') };
}

describe('opening hostile files', () => {
  it.each([
    ['utf16le.stakemap', 'main', /not UTF-8 text|UTF-16/],
    ['utf16be.stakemap', 'main', /not UTF-8 text|UTF-16/],
    ['utf16le-no-bom.stakemap', 'parser', /saved as UTF-16 LE text/],
    ['non-finite-numbers.stakemap', 'parser', /position\.x: expected a finite number/],
    ['bad-votes.stakemap', 'parser', /tally: must be at least 0, found -3/],
    ['long-name.stakemap', 'parser', /is 10,001 characters long/],
  ] as const)('%s is refused by the %s with a clear reason', async (name, refusedBy, words) => {
    expect(FIXTURES).toContain(name);
    const result = await openAsTheAppDoes(fixturePath(name));
    expect(result.refusedBy).toBe(refusedBy);
    expect(result.words).toMatch(words);
  });

  it.each([
    ['fifty-megabyte-name.stakemap', /stakeholders\[0\]\.name: is 52,428,800 characters long; at most 10,000 are allowed/],
    ['deeply-nested.stakemap', /x-deep\[0\]: holds values nested more than 100 levels deep/],
    ['thousands-of-duplicates.stakemap', /4,999 fields are not valid[\s\S]*…and 4,979 more\./],
  ])('%s (generated) is refused with a short message', async (name, words) => {
    const dir = await makeTempDir('stakemap-hostile-');
    const filePath = path.join(dir, name);
    await fs.writeFile(filePath, GENERATED[name]!());
    const result = await openAsTheAppDoes(filePath);
    expect(result.refusedBy).toBe('parser');
    expect(result.words).toMatch(words);
  });

  it('leaves every hostile file exactly as it was', async () => {
    const dir = await makeTempDir('stakemap-hostile-');
    const files = [...FIXTURES.map((name) => fixturePath(name))];
    for (const [name, make] of Object.entries(GENERATED)) {
      const filePath = path.join(dir, name);
      await fs.writeFile(filePath, make());
      files.push(filePath);
    }
    for (const filePath of files) {
      const before = { hash: sha(await fs.readFile(filePath)), mtimeMs: (await fs.stat(filePath)).mtimeMs };
      await openAsTheAppDoes(filePath);
      const after = { hash: sha(await fs.readFile(filePath)), mtimeMs: (await fs.stat(filePath)).mtimeMs };
      expect(after, path.basename(filePath)).toEqual(before);
    }
  });
});
