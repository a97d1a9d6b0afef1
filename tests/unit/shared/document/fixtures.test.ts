import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWorkspace, type LoadError } from '../../../../shared/document/parse';
import { buildGeneratedFixtures } from '../../../fixtures/workspaces/build-fixtures';
import { FIXTURES_DIR, fixturePath, readFixture } from '../test-helpers';

/** What each fixture must do when opened. Every workspace file in the folder must be listed here. */
const EXPECTED: Record<string, { opens: true; dangling: number } | { opens: false; kind: LoadError['kind'] }> = {
  'valid-minimal.stakemap': { opens: true, dangling: 0 },
  'valid-full.stakemap': { opens: true, dangling: 0 },
  'v1-minimal.stakemap': { opens: true, dangling: 0 },
  'v1-full.stakemap': { opens: true, dangling: 0 },
  'v2-minimal.stakemap': { opens: true, dangling: 0 },
  'v2-full.stakemap': { opens: true, dangling: 0 },
  'v3-minimal.stakemap': { opens: true, dangling: 0 },
  'v3-full.stakemap': { opens: true, dangling: 0 },
  'unknown-properties.stakemap': { opens: true, dangling: 0 },
  'proto-keys.stakemap': { opens: true, dangling: 0 },
  'with-bom.stakemap': { opens: true, dangling: 0 },
  'dangling-references.stakemap': { opens: true, dangling: 4 },
  'not-json.stakemap': { opens: false, kind: 'notJson' },
  'truncated.stakemap': { opens: false, kind: 'notJson' },
  'empty.stakemap': { opens: false, kind: 'notJson' },
  'foreign.json': { opens: false, kind: 'notStakemap' },
  'json-array.stakemap': { opens: false, kind: 'notStakemap' },
  'newer-version.stakemap': { opens: false, kind: 'versionTooNew' },
  'invalid-field.stakemap': { opens: false, kind: 'invalid' },
  'duplicate-ids.stakemap': { opens: false, kind: 'invalid' },
  // Read the way readFixture reads (lenient UTF-8); the app's strict reader refuses the first two before parsing.
  'utf16le.stakemap': { opens: false, kind: 'wrongEncoding' },
  'utf16be.stakemap': { opens: false, kind: 'wrongEncoding' },
  'utf16le-no-bom.stakemap': { opens: false, kind: 'wrongEncoding' },
  'non-finite-numbers.stakemap': { opens: false, kind: 'invalid' },
  'bad-votes.stakemap': { opens: false, kind: 'invalid' },
  'long-name.stakemap': { opens: false, kind: 'invalid' },
  'utf32le-no-bom.stakemap': { opens: false, kind: 'wrongEncoding' },
  'many-bad-quotes.stakemap': { opens: false, kind: 'invalid' },
  'duplicate-keys.stakemap': { opens: true, dangling: 0 },
  'tangled-map.stakemap': { opens: true, dangling: 0 },
};

const workspaceFiles = readdirSync(FIXTURES_DIR).filter((name) => /\.(stakemap|json)$/.test(name));

describe('workspace fixtures', () => {
  it('are all listed here, and every listed file exists', () => {
    expect(workspaceFiles.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s opens or fails as documented', (name, expected) => {
    const result = parseWorkspace(readFixture(name));
    if (expected.opens) {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.danglingReferences).toHaveLength(expected.dangling);
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.kind).toBe(expected.kind);
    }
  });

  it('empty.stakemap really is 0 bytes', () => {
    expect(statSync(fixturePath('empty.stakemap')).size).toBe(0);
  });

  it.each(Object.entries(buildGeneratedFixtures()))(
    '%s is up to date with build-fixtures.ts (run `npx tsx tests/fixtures/workspaces/build-fixtures.ts`)',
    (name, content) => {
      if (typeof content === 'string') expect(readFixture(name)).toBe(content);
      else expect(new Uint8Array(readFileSync(fixturePath(name)))).toEqual(content);
    },
  );
});
