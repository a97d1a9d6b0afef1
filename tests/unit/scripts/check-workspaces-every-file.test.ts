import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { nodeIo, runCheck } from '../../../scripts/check-workspaces';
import { fixturePath } from '../shared/test-helpers';

/*
 * `npm run check` reports every file even when checking one of them throws (issue 11, defect 6: one file that
 * made the parser throw aborted the whole run, so later files were never checked). The parser is made to throw,
 * as it did on the audit's 130,000-quote file, for a file carrying a marker; every other file is parsed by the
 * real parser.
 */

const EXPLODE = '"x-explode-the-parser"';

vi.mock('../../../shared/document/parse', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../shared/document/parse')>();
  return {
    ...actual,
    parseWorkspace: (text: string) => {
      if (text.includes(EXPLODE)) throw new RangeError('Maximum call stack size exceeded');
      return actual.parseWorkspace(text);
    },
  };
});

const tmp = mkdtempSync(join(tmpdir(), 'stakemap-check-every-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('runCheck over a file that throws', () => {
  it('reports the throwing file as an unexpected error, then checks the good one after it', async () => {
    const throwing = join(tmp, 'quotes.stakemap');
    writeFileSync(throwing, `{"format":"stakemap","version":1,${EXPLODE}:true}`);
    const good = fixturePath('valid-full.stakemap');
    const out: string[] = [];
    const code = await runCheck([throwing, good], { ...nodeIo, out: (line) => out.push(line), err: (line) => out.push(`stderr: ${line}`) });
    expect(code).toBe(1);
    expect(out).toEqual([
      `✗ ${throwing}`,
      '    Checking “quotes.stakemap” failed unexpectedly: RangeError: Maximum call stack size exceeded. This is a bug in Stakemap; please report it.',
      `✓ ${good}`,
      '',
      '1 of 2 files have problems.',
    ]);
  });
});
