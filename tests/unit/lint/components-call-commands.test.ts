import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/*
 * The lint rule that keeps `commit` and `host()` out of components (eslint.config.js, "stakemap/components-call-
 * commands"): it must keep catching every way of writing the import once no component breaks it any more, or it
 * would prove nothing. Linted as text at made-up paths, without type information (the files do not exist).
 */

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({
  cwd: REPO_ROOT,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }],
  // Only this rule: the snippets are not meant to satisfy the others.
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
});

async function restricted(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}/${filePath}` });
  return (result?.messages ?? []).map((m) => `${m.line}: ${m.message}`);
}

const FORBIDDEN = [
  `import { commit } from '../store/editor-store';`,
  `import { commit as change, useDocument } from './store/editor-store';`,
  `import * as store from '../../store/editor-store';`,
  `import { commit } from '../store';`,
  `import { commit } from '../store/document-slice';`,
  `export { commit } from '../store/editor-store';`,
  `import { host } from '../host';`,
  `import { host } from './host';`,
  `import { host as h } from '../../host';`,
];

const ALLOWED = [
  `import { useDocument, useEditor } from '../store/editor-store';`,
  `import { runCommand } from '../commands/run-command';`,
  `import type { HostApi } from '@shared/host/host-api';`,
  `import { restore } from '../restore';`,
  `import { hostname } from '../hostname';`,
];

describe('components call commands: no commit, no host()', () => {
  it.each(['renderer/src/panels/Inspector.tsx', 'renderer/src/App.tsx', 'renderer/src/canvas/deep/Thing.tsx', 'renderer/src/export/export-png.ts', 'renderer/src/commands/Sheet.tsx'])(
    'reports each forbidden import in %s, saying to call a command',
    async (filePath) => {
      const messages = await restricted(FORBIDDEN.join('\n'), filePath);
      expect(messages.map((m) => Number(m.split(':')[0]))).toEqual(FORBIDDEN.map((_, i) => i + 1));
      for (const message of messages) expect(message).toContain('call a command in renderer/src/commands/');
    },
  );

  it('allows the rest of the store and the commands there', async () => {
    expect(await restricted(ALLOWED.join('\n'), 'renderer/src/panels/Inspector.tsx')).toEqual([]);
  });

  it.each(['renderer/src/commands/edit-commands.ts', 'renderer/src/store/editor-store.ts', 'tests/unit/renderer/store/x.test.ts', 'bench/page/probe.ts'])(
    'leaves the commands, the store and everything outside the renderer alone (%s)',
    async (filePath) => {
      expect(await restricted(FORBIDDEN.join('\n'), filePath)).toEqual([]);
    },
  );
});
