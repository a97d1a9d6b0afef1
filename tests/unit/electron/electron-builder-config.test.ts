import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/*
 * electron-builder.yml as electron-builder reads it: the Electron fuses flipped in the packaged binary, with key
 * names checked against the installed electron-builder's own schema (a misspelt key would otherwise be caught
 * only by a packaging run, which cannot happen on machines without the Electron binary).
 */

const ROOT = path.resolve(__dirname, '../../..');
const config = parse(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

/** The fuses the app ships with, and why (see the comment in electron-builder.yml). */
const EXPECTED_FUSES = {
  /** ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node.js. */
  runAsNode: false,
  enableCookieEncryption: true,
  /** NODE_OPTIONS and NODE_EXTRA_CA_CERTS are ignored. */
  enableNodeOptionsEnvironmentVariable: false,
  /** --inspect and SIGUSR1 do not open a debugger on the main process. */
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  /** Code is loaded from app.asar only (together with the integrity check: no unvalidated code). */
  onlyLoadAppFromAsar: true,
  /** The renderer is served from app://, so file:// needs no privileges beyond a browser's. */
  grantFileProtocolExtraPrivileges: false,
} as const;

describe('electron-builder.yml', () => {
  it('packs the app into an asar archive (onlyLoadAppFromAsar needs one)', () => {
    expect(config.asar).toBe(true);
  });

  it.each(Object.entries(EXPECTED_FUSES))('sets the fuse %s to %s', (fuse, value) => {
    const fuses = config.electronFuses as Record<string, unknown> | undefined;
    expect(fuses, 'electron-builder.yml has an electronFuses section').toBeDefined();
    expect(fuses![fuse]).toBe(value);
  });

  it("uses only fuse names the installed electron-builder knows, each a boolean", () => {
    const require = createRequire(path.join(ROOT, 'package.json'));
    const schemePath = require.resolve('app-builder-lib/scheme.json', { paths: [path.join(ROOT, 'node_modules/electron-builder')] });
    const scheme = JSON.parse(readFileSync(schemePath, 'utf8')) as {
      properties: Record<string, unknown>;
      definitions: Record<string, { properties: Record<string, { type?: string }>; additionalProperties?: boolean }>;
    };
    expect(scheme.properties).toHaveProperty('electronFuses');
    const known = scheme.definitions.FuseOptionsV1!;
    expect(known.additionalProperties).toBe(false);
    for (const [fuse, value] of Object.entries(config.electronFuses as Record<string, unknown>)) {
      expect(Object.keys(known.properties), `fuse "${fuse}"`).toContain(fuse);
      expect(known.properties[fuse]!.type).toBe('boolean');
      expect(typeof value).toBe('boolean');
    }
  });
});
