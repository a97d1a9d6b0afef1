import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  downloadRefusedBecause,
  ensureBrowser,
  INSTALL_COMMAND,
  isSet,
  planBrowser,
  type EnsureBrowserIo,
} from '../../../scripts/ensure-browser';
import { chooseChromium, chromiumLaunchOptions, SYSTEM_CHROMIUM, SYSTEM_CHROMIUM_ARGS } from '../../../tests/e2e/harness/paths';

const PLAYWRIGHT_CHROMIUM = '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
const INSTALL_TEXT = INSTALL_COMMAND.join(' ');

/** A machine with these files, this environment and an installer that puts Playwright's Chromium in place (or fails). */
function machine(options: { files?: string[]; env?: Record<string, string | undefined>; installWorks?: boolean } = {}) {
  const files = new Set(options.files ?? []);
  const out: string[] = [];
  const err: string[] = [];
  let installs = 0;
  const io: EnsureBrowserIo = {
    env: options.env ?? {},
    exists: (file) => files.has(file),
    playwrightChromium: () => PLAYWRIGHT_CHROMIUM,
    install: () => {
      installs++;
      if (options.installWorks === false) return false;
      files.add(PLAYWRIGHT_CHROMIUM);
      return true;
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  return { io, out, err, installs: () => installs };
}

describe('ensureBrowser', () => {
  it('uses the system Chromium when it exists, and installs nothing, on CI or not', () => {
    for (const env of [{}, { CI: 'true', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }]) {
      const m = machine({ files: [SYSTEM_CHROMIUM], env });
      expect(ensureBrowser(m.io)).toBe(0);
      expect(m.installs()).toBe(0);
      expect(m.out.join('\n')).toContain(SYSTEM_CHROMIUM);
    }
  });

  it("uses Playwright's Chromium when it is installed, and installs nothing", () => {
    const m = machine({ files: [PLAYWRIGHT_CHROMIUM], env: { CI: '1' } });
    expect(ensureBrowser(m.io)).toBe(0);
    expect(m.installs()).toBe(0);
  });

  it("installs Playwright's Chromium on a laptop that has neither, saying so first", () => {
    const m = machine();
    expect(ensureBrowser(m.io)).toBe(0);
    expect(m.installs()).toBe(1);
    expect(m.out[0]).toContain(INSTALL_TEXT);
    expect(m.err).toEqual([]);
  });

  it('fails naming the command when the install fails, or leaves no browser behind', () => {
    const failing = machine({ installWorks: false });
    expect(ensureBrowser(failing.io)).toBe(1);
    expect(failing.err.join('\n')).toContain(INSTALL_TEXT);

    const m = machine();
    const io: EnsureBrowserIo = { ...m.io, install: () => true };
    expect(ensureBrowser(io)).toBe(1);
    expect(m.err.join('\n')).toContain(INSTALL_TEXT);
  });

  it.each([{ CI: 'true' }, { CI: '1' }, { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }, { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: 'true' }])(
    'never downloads where that is not allowed (%o): prints the one command and fails',
    (env) => {
      const m = machine({ env });
      expect(ensureBrowser(m.io)).toBe(1);
      expect(m.installs()).toBe(0);
      const said = m.err.join('\n');
      expect(said).toContain(`  ${INSTALL_TEXT}\n`);
      expect(said).toContain(SYSTEM_CHROMIUM);
      expect(said).toContain(Object.keys(env)[0]);
    },
  );

  it.each([{ CI: '' }, { CI: 'false' }, { CI: '0' }, { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '0' }])('treats %o as not set: installs', (env) => {
    const m = machine({ env });
    expect(ensureBrowser(m.io)).toBe(0);
    expect(m.installs()).toBe(1);
  });
});

describe('the decision', () => {
  it('isSet: anything but nothing, empty, 0, false or no', () => {
    expect([undefined, '', ' ', '0', 'false', 'FALSE', 'no'].map(isSet)).toEqual([false, false, false, false, false, false, false]);
    expect(['1', 'true', 'yes', 'github-actions'].map(isSet)).toEqual([true, true, true, true]);
  });

  it('downloadRefusedBecause names the reason', () => {
    expect(downloadRefusedBecause({})).toBeNull();
    expect(downloadRefusedBecause({ CI: 'true' })).toMatch(/CI is set/);
    expect(downloadRefusedBecause({ PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' })).toMatch(/PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD/);
  });

  it('planBrowser: ready, install or refuse', () => {
    const playwright = { kind: 'playwright', executablePath: PLAYWRIGHT_CHROMIUM } as const;
    expect(planBrowser({ kind: 'system', executablePath: SYSTEM_CHROMIUM }, true, { CI: '1' }).action).toBe('ready');
    expect(planBrowser(playwright, true, {}).action).toBe('ready');
    expect(planBrowser(playwright, false, {}).action).toBe('install');
    expect(planBrowser(playwright, false, { CI: '1' }).action).toBe('refuse');
  });
});

describe('the browser the harness launches is the one checked', () => {
  it('the system Chromium with its flags when it exists, else Playwright’s full build (channel chromium)', () => {
    const system = chooseChromium((file) => file === SYSTEM_CHROMIUM, () => PLAYWRIGHT_CHROMIUM);
    expect(system).toEqual({ kind: 'system', executablePath: SYSTEM_CHROMIUM });
    expect(chromiumLaunchOptions(system)).toEqual({ executablePath: SYSTEM_CHROMIUM, args: SYSTEM_CHROMIUM_ARGS });

    const playwright = chooseChromium(() => false, () => PLAYWRIGHT_CHROMIUM);
    expect(playwright).toEqual({ kind: 'playwright', executablePath: PLAYWRIGHT_CHROMIUM });
    // Channel chromium launches the executable chromium.executablePath() names, so installing that one suffices.
    expect(chromiumLaunchOptions(playwright)).toEqual({ channel: 'chromium' });
    expect(INSTALL_COMMAND).toContain('--no-shell');
  });

  it('the README names the same command', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(INSTALL_TEXT);
  });
});
