import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { WorkspaceFs } from '../../../electron/services/workspace-files';
import { MAX_WORKSPACE_BYTES, nodeIo, runCheck, USAGE, type CheckIo } from '../../../scripts/check-workspaces';
import { MAX_WORKSPACE_BYTES as FORMAT_LIMIT } from '../../../shared/document/format';
import { embedWorkspaceInPng } from '../../../shared/export/png-text-chunk';
import { makePng } from '../shared/export/png-test-image';
import { fixturePath } from '../shared/test-helpers';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the check with the real file system, collecting what it prints. */
async function check(paths: readonly string[], io: Partial<CheckIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCheck(paths, { ...nodeIo, out: (line) => out.push(line), err: (line) => err.push(line), ...io });
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), 'stakemap-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The real file system with `overrides`: what readWorkspaceFile reads through. */
function fsWith(overrides: Partial<Record<keyof WorkspaceFs, unknown>>): WorkspaceFs {
  return { ...nodeFs, ...overrides } as unknown as WorkspaceFs;
}

/** What fs.stat gives for a regular file of `size` bytes. */
const fileStats = (size: number) => ({ size, mtimeMs: 0, isFile: () => true, isDirectory: () => false });

describe('runCheck', () => {
  it.each(['valid-minimal.stakemap', 'valid-full.stakemap', 'with-bom.stakemap'])('prints ✓ and exits 0 for %s', async (name) => {
    const path = fixturePath(name);
    expect(await check([path])).toEqual({ code: 0, out: [`✓ ${path}`], err: [] });
  });

  it.each(['v1-minimal.stakemap', 'v1-full.stakemap', 'unknown-properties.stakemap', 'proto-keys.stakemap'])(
    'prints ✓, says a version 1 file would be saved in version 4, and exits 0 for %s',
    async (name) => {
      const path = fixturePath(name);
      expect(await check([path])).toEqual({
        code: 0,
        out: [`✓ ${path}`, '    It is written in format version 1; the app would save it in version 4.'],
        err: [],
      });
    },
  );

  it.each(['v2-minimal.stakemap', 'v2-full.stakemap'])('prints ✓, says a version 2 file would be saved in version 4, and exits 0 for %s', async (name) => {
    const path = fixturePath(name);
    expect(await check([path])).toEqual({
      code: 0,
      out: [`✓ ${path}`, '    It is written in format version 2; the app would save it in version 4.'],
      err: [],
    });
  });

  it.each(['v3-minimal.stakemap', 'v3-full.stakemap'])('prints ✓, says a version 3 file would be saved in version 4, and exits 0 for %s', async (name) => {
    const path = fixturePath(name);
    expect(await check([path])).toEqual({
      code: 0,
      out: [`✓ ${path}`, '    It is written in format version 3; the app would save it in version 4.'],
      err: [],
    });
  });

  it('prints ✓ with every broken reference, and exits 1, for dangling-references.stakemap', async () => {
    const path = fixturePath('dangling-references.stakemap');
    const { code, out } = await check([path]);
    expect(code).toBe(1);
    expect(out).toEqual([
      `✓ ${path}: opened with 4 broken references`,
      '    In “dangling-references.stakemap”, 4 references point to items that do not exist. Nothing was removed; the affected items are listed below.',
      '      - Relationship “press statements” (r-pr): target points to stakeholder “s-pr”, which does not exist.',
      '      - Pain point “Embargoes are announced too late” (p-embargo): attachedTo points to stakeholder “s-comms”, which does not exist.',
      '      - Pain point “Embargoes are announced too late” (p-embargo): attachedTo points to relationship “r-gone”, which does not exist.',
      '      - Solution “Pre-approved response library” (x-library): addresses points to pain point “p-missing”, which does not exist.',
      '    It is written in format version 1; the app would save it in version 4.',
    ]);
  });

  it.each<[string, RegExp, RegExp]>([
    ['not-json.stakemap', /“not-json\.stakemap” is not a readable workspace file/, /not valid JSON/],
    ['truncated.stakemap', /“truncated\.stakemap” is not a readable workspace file/, /looks truncated/],
    ['empty.stakemap', /“empty\.stakemap” is not a readable workspace file/, /^The file is empty\.$/],
    ['foreign.json', /“foreign\.json” is not a Stakemap workspace/, /no "format": "stakemap"/],
    ['json-array.stakemap', /“json-array\.stakemap” is not a Stakemap workspace/, /JSON list/],
    ['newer-version.stakemap', /file format version 5.*format version 4/, /not been changed/],
    ['invalid-field.stakemap', /2 fields are not valid/, /^stakeholders\[0\]\.kind: expected one of "team", "department", "external", found "dept"$/],
    ['duplicate-ids.stakemap', /2 fields are not valid/, /^stakeholders\[2\]\.id: the id "s-legal" is already used by stakeholders\[0\]$/],
  ])('prints ✗, the summary and the details, indented, and exits 1, for %s', async (name, summary, detail) => {
    const path = fixturePath(name);
    const { code, out } = await check([path]);
    expect(code).toBe(1);
    expect(out[0]).toBe(`✗ ${path}`);
    expect(out[1]).toMatch(/^ {4}\S/);
    expect(out[1]).toMatch(summary);
    const details = out.slice(2);
    expect(details.length).toBeGreaterThan(0);
    for (const line of details) expect(line).toMatch(/^ {6}- \S/);
    expect(details.map((line) => line.replace(/^ {6}- /, ''))).toContainEqual(expect.stringMatching(detail));
  });

  it('lists both bad fields of invalid-field.stakemap', async () => {
    const { out } = await check([fixturePath('invalid-field.stakemap')]);
    expect(out.slice(2)).toEqual([
      '      - stakeholders[0].kind: expected one of "team", "department", "external", found "dept"',
      '      - stakeholders[1].influence: must be at most 5, found 9',
    ]);
  });

  it('reports a missing file by name and reason', async () => {
    const path = join(tmp, 'missing.stakemap');
    // The app's words for a missing file.
    expect(await check([path])).toEqual({ code: 1, out: [`✗ ${path}`, '    “missing.stakemap” could not be read: The file does not exist.'], err: [] });
  });

  it('reports a folder given as a file', async () => {
    expect(await check([tmp])).toMatchObject({ code: 1, out: [`✗ ${tmp}`, expect.stringMatching(/could not be read: It is a folder, not a file\.$/)] });
  });

  it('reports an unreadable file by name and reason', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' });
    const { code, out } = await check(['locked.stakemap'], {
      fs: fsWith({ stat: async () => fileStats(10), open: async () => Promise.reject(denied) }),
    });
    expect(code).toBe(1);
    expect(out).toEqual(['✗ locked.stakemap', '    “locked.stakemap” could not be read: Permission denied.']);
  });

  it('refuses a file over 100 MB without reading it', async () => {
    let read = false;
    const { code, out } = await check(['huge.stakemap'], {
      fs: fsWith({
        stat: async () => fileStats(MAX_WORKSPACE_BYTES + 1),
        open: async () => {
          read = true;
          throw new Error('opened');
        },
      }),
    });
    expect(read).toBe(false);
    expect(code).toBe(1);
    expect(out).toEqual(['✗ huge.stakemap', '    “huge.stakemap” is too large to be a workspace: 100.0 MB, and the limit is 100 MB. It was not read.']);
  });

  it('reads a file of exactly 100 MB (the limit is inclusive)', async () => {
    let read = false;
    const { out } = await check(['big.stakemap'], {
      fs: fsWith({
        stat: async () => fileStats(MAX_WORKSPACE_BYTES),
        open: async () => {
          read = true;
          return nodeFs.open(fixturePath('valid-minimal.stakemap'), 'r');
        },
      }),
    });
    expect(read).toBe(true);
    expect(out).toEqual(['✓ big.stakemap']);
  });

  it('refuses a real 150 MB (sparse) file on disk', async () => {
    const path = join(tmp, 'huge.stakemap');
    writeFileSync(path, '');
    truncateSync(path, 150 * 1024 * 1024);
    const { code, out } = await check([path]);
    expect(code).toBe(1);
    expect(out).toEqual([`✗ ${path}`, '    “huge.stakemap” is too large to be a workspace: 150 MB, and the limit is 100 MB. It was not read.']);
  });

  it('checks every file, exits 1 if any has a problem, and ends with a count', async () => {
    const good = fixturePath('valid-full.stakemap');
    const bad = fixturePath('json-array.stakemap');
    const { code, out } = await check([good, bad, good]);
    expect(code).toBe(1);
    expect(out[0]).toBe(`✓ ${good}`);
    expect(out[1]).toBe(`✗ ${bad}`);
    expect(out.at(-3)).toBe(`✓ ${good}`);
    expect(out.slice(-2)).toEqual(['', '1 of 3 files have problems.']);
  });

  it('exits 0 for several good files', async () => {
    const { code, out } = await check([fixturePath('valid-full.stakemap'), fixturePath('with-bom.stakemap')]);
    expect(code).toBe(0);
    expect(out.at(-1)).toBe('All 2 files are fine.');
  });

  it('uses the app’s one size limit (shared/document/format.ts)', () => {
    expect(MAX_WORKSPACE_BYTES).toBe(FORMAT_LIMIT);
  });

  it('reports invalid UTF-8 as the app does, instead of decoding it leniently (issue 11, defect 6)', async () => {
    // "café" in Latin-1 inside an id: a lenient decoder made it "caf\uFFFD" and the file passed.
    const path = join(tmp, 'latin1.stakemap');
    const text = readFileSync(fixturePath('valid-minimal.stakemap'), 'utf8').replace('"format"', '"x-note": "caf\u00e9", "format"');
    writeFileSync(path, Buffer.from(text, 'latin1'));
    expect(await check([path])).toEqual({
      code: 1,
      out: [`✗ ${path}`, '    “latin1.stakemap” could not be read: The file is not UTF-8 text: it may be a binary file or use another text encoding.'],
      err: [],
    });
  });

  it('says a file cut short inside a character is truncated', async () => {
    const path = join(tmp, 'cut.stakemap');
    const bytes = Buffer.from('{"format":"stakemap","version":1,"title":"Équipe 🤝', 'utf8');
    writeFileSync(path, bytes.subarray(0, bytes.length - 2));
    expect((await check([path])).out).toEqual([
      `✗ ${path}`,
      '    “cut.stakemap” could not be read: The file ends in the middle of a character: it looks truncated (cut short while it was being copied or saved).',
    ]);
  });

  it('checks the workspace inside an exported PNG, as the app opens it (issue 11, defect 6)', async () => {
    const good = join(tmp, 'map.png');
    writeFileSync(good, embedWorkspaceInPng(makePng(), readFileSync(fixturePath('valid-full.stakemap'), 'utf8')));
    expect(await check([good])).toEqual({
      code: 0,
      out: [`✓ ${good}`, '    It is a PNG image exported by Stakemap; the app opens the workspace inside it as a new, unsaved workspace.'],
      err: [],
    });

    const bad = join(tmp, 'bad-map.png');
    writeFileSync(bad, embedWorkspaceInPng(makePng(), readFileSync(fixturePath('invalid-field.stakemap'), 'utf8')));
    const { code, out } = await check([bad]);
    expect(code).toBe(1);
    expect(out.slice(0, 2)).toEqual([`✗ ${bad}`, expect.stringMatching(/^ {4}“bad-map\.png” is a Stakemap workspace, but 2 fields are not valid\.$/)]);

    const photo = join(tmp, 'photo.png');
    writeFileSync(photo, makePng());
    expect((await check([photo])).out).toEqual([
      `✗ ${photo}`,
      '    “photo.png” could not be read: This PNG image has no Stakemap workspace in it. Only PNGs exported by Stakemap can be opened.',
    ]);
  });

  it('reports a file the file system fails on in the middle of reading, then checks the next one', async () => {
    const good = fixturePath('valid-full.stakemap');
    const broken = Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    const fs = fsWith({
      open: async (path: string, flags: string) => {
        if (path.endsWith('flaky.stakemap')) {
          return { read: async () => Promise.reject(broken), close: async () => undefined };
        }
        return nodeFs.open(path, flags);
      },
      stat: async (path: string) => (path.endsWith('flaky.stakemap') ? fileStats(100) : nodeFs.stat(path)),
    });
    const { code, out } = await check(['flaky.stakemap', good], { fs });
    expect(code).toBe(1);
    expect(out).toEqual([
      '✗ flaky.stakemap',
      '    “flaky.stakemap” could not be read: The disk reported an input/output error.',
      `✓ ${good}`,
      '',
      '1 of 2 files have problems.',
    ]);
  });

  it('prints the usage on standard error and exits 2 without arguments', async () => {
    expect(await check([])).toEqual({ code: 2, out: [], err: [USAGE] });
    expect(USAGE).toMatch(/^Usage: npm run check -- FILE\.\.\./);
  });

  it('prints the usage on standard output and exits 0 for --help', async () => {
    expect(await check(['--help'])).toEqual({ code: 0, out: [USAGE], err: [] });
  });
});

describe('the real command', () => {
  const run = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/check-workspaces.ts', ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  const rel = (name: string) => relative(REPO, fixturePath(name));

  it('exits 0 and prints ✓ for a valid file', () => {
    const result = run(rel('valid-full.stakemap'));
    expect(result.stdout).toBe(`✓ ${rel('valid-full.stakemap')}\n`);
    expect(result.status).toBe(0);
  }, 60_000);

  it('exits 1 and prints ✗ with the problems for an invalid file', () => {
    const result = run(rel('invalid-field.stakemap'));
    expect(result.stdout).toContain(`✗ ${rel('invalid-field.stakemap')}\n`);
    expect(result.stdout).toContain('stakeholders[0].kind: expected one of');
    expect(result.status).toBe(1);
  }, 60_000);

  it('exits 1 for a file with broken references', () => {
    const result = run(rel('dangling-references.stakemap'));
    expect(result.stdout).toContain('opened with 4 broken references');
    expect(result.status).toBe(1);
  }, 60_000);

  it('exits 2 with the usage without arguments', () => {
    const result = run();
    expect(result.stderr).toContain('Usage: npm run check -- FILE...');
    expect(result.stdout).toBe('');
    expect(result.status).toBe(2);
  }, 60_000);
});
