import * as fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_WORKSPACE_BYTES,
  NOT_UTF8_REASON,
  readWorkspaceFile,
  readWorkspaceFileAndBytes,
  TRUNCATED_CHARACTER_REASON,
} from '../../../../electron/services/workspace-files';
import { MAX_WORKSPACE_BYTES as FORMAT_LIMIT } from '../../../../shared/document/format';
import { makeTempDir } from '../helpers';

/*
 * The read half of workspace-files.ts: a file cut short inside a multi-byte character says it looks truncated
 * (issue 11, lower-priority list), the bytes read are given back for the fingerprint, and the size limit is the
 * format's one limit.
 */

async function fileWith(bytes: Uint8Array): Promise<string> {
  const filePath = path.join(await makeTempDir('stakemap-read-'), 'w.stakemap');
  await fs.writeFile(filePath, bytes);
  return filePath;
}

const failedWith = (reason: string) => ({ kind: 'failed', reason, code: null });

describe('readWorkspaceFile and a file cut short inside a character', () => {
  const text = '{"format":"stakemap","title":"é€🤝"}';
  const bytes = Buffer.from(text, 'utf8');
  // Where each character starts: é (2 bytes), € (3 bytes), 🤝 (4 bytes).
  const starts = { 'é': bytes.indexOf(Buffer.from('é')), '€': bytes.indexOf(Buffer.from('€')), '🤝': bytes.indexOf(Buffer.from('🤝')) };

  it.each([
    ['the second byte of é', starts['é'] + 1],
    ['the second byte of €', starts['€'] + 1],
    ['the third byte of €', starts['€'] + 2],
    ['the second byte of 🤝', starts['🤝'] + 1],
    ['the fourth byte of 🤝', starts['🤝'] + 3],
  ])('says the file looks truncated when it ends before %s', async (_name, length) => {
    expect(await readWorkspaceFile(await fileWith(bytes.subarray(0, length)))).toEqual(failedWith(TRUNCATED_CHARACTER_REASON));
    expect(TRUNCATED_CHARACTER_REASON).toBe(
      'The file ends in the middle of a character: it looks truncated (cut short while it was being copied or saved).',
    );
  });

  it('reads a file cut short between characters (the parser then says the JSON is truncated)', async () => {
    expect(await readWorkspaceFile(await fileWith(bytes.subarray(0, starts['🤝'])))).toMatchObject({ kind: 'read' });
  });

  it('still says "not UTF-8" when bytes before the end are invalid, even if the end is cut short too', async () => {
    const latin1Then = Buffer.concat([Buffer.from('{"title":"caf\xe9 ', 'latin1'), Buffer.from('€', 'utf8').subarray(0, 2)]);
    expect(await readWorkspaceFile(await fileWith(latin1Then))).toEqual(failedWith(NOT_UTF8_REASON));
  });

  it.each([
    ['a stray continuation byte', Buffer.from([0x7b, 0x80])],
    ['a lead byte followed by a byte that cannot continue it', Buffer.from([0x7b, 0xe2, 0x28])],
    ['a lead byte that never starts a character', Buffer.from([0x7b, 0xff])],
    ['an overlong start (0xF8)', Buffer.from([0x7b, 0xf8])],
    ['the start of a surrogate (ED A0), which UTF-8 forbids', Buffer.from([0x7b, 0xed, 0xa0])],
  ])('says "not UTF-8", not "truncated", for %s at the end', async (_name, ending) => {
    expect(await readWorkspaceFile(await fileWith(ending))).toEqual(failedWith(NOT_UTF8_REASON));
  });
});

describe('readWorkspaceFile and UTF-16 or UTF-32 text without a byte order mark, outside ASCII', () => {
  const text = '{"format":"stakemap","title":"Équipe réseaux sociaux"}';
  const utf32 = (littleEndian: boolean) => {
    const out = Buffer.alloc(text.length * 4);
    [...text].forEach((char, i) => (littleEndian ? out.writeUInt32LE(char.codePointAt(0)!, i * 4) : out.writeUInt32BE(char.codePointAt(0)!, i * 4)));
    return out;
  };
  it.each([
    ['UTF-32 LE', utf32(true)],
    ['UTF-32 BE', utf32(false)],
    ['UTF-16 LE', Buffer.from(text, 'utf16le')],
    ['UTF-16 BE', Buffer.from(text, 'utf16le').swap16()],
  ])('names %s instead of "not UTF-8"', async (encoding, bytes) => {
    const read = await readWorkspaceFile(await fileWith(bytes));
    expect(read).toMatchObject({ kind: 'failed', reason: expect.stringContaining(`saved as ${encoding} text`) });
  });
});

describe('readWorkspaceFileAndBytes', () => {
  it('gives the bytes read and their modification time with the result', async () => {
    const bytes = Buffer.from('\uFEFF{"format":"stakemap"}', 'utf8');
    const filePath = await fileWith(bytes);
    const read = await readWorkspaceFileAndBytes(filePath);
    expect(read.read).toEqual({ kind: 'read', content: '\uFEFF{"format":"stakemap"}', source: 'workspace' });
    expect(read.bytes?.equals(bytes)).toBe(true);
    expect(read.mtimeMs).toBe((await fs.stat(filePath)).mtimeMs);
  });

  it('gives the bytes of a file it refuses for its encoding, and none when nothing was read', async () => {
    const latin1 = Buffer.from('"caf\xe9"', 'latin1');
    const refused = await readWorkspaceFileAndBytes(await fileWith(latin1));
    expect(refused.read).toEqual(failedWith(NOT_UTF8_REASON));
    expect(refused.bytes?.equals(latin1)).toBe(true);

    const missing = await readWorkspaceFileAndBytes(path.join(await makeTempDir(), 'missing.stakemap'));
    expect(missing).toEqual({ read: { kind: 'failed', reason: 'The file does not exist.', code: 'ENOENT' }, bytes: null, mtimeMs: null });
    const tooLarge = await readWorkspaceFileAndBytes(await fileWith(latin1), { maxBytes: 2 });
    expect(tooLarge).toEqual({ read: { kind: 'tooLarge', size: 6, limit: 2 }, bytes: null, mtimeMs: null });
  });

  it('uses the format’s one size limit', () => {
    expect(MAX_WORKSPACE_BYTES).toBe(FORMAT_LIMIT);
  });
});
