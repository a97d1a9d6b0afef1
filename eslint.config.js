// @ts-check
import eslintComments from '@eslint-community/eslint-plugin-eslint-comments';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import jsxA11y from 'eslint-plugin-jsx-a11y-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Lint for the whole repository, run by `npm test` (`npm run lint`, zero warnings allowed).
 *
 * - typescript-eslint's recommended rules with type information (`recommendedTypeChecked`: floating promises,
 *   misused promises, unsafe `any` ...). The project service reuses tsconfig.json and bench/tsconfig.json. A full
 *   run takes about 30 s on a 2-core machine (twice `npm run typecheck`; 10 s without types).
 * - eslint-plugin-react-hooks: the classic two rules and the React Compiler-era rules of its recommended set.
 * - jsx-a11y's recommended rules, from eslint-plugin-jsx-a11y-x: the maintained fork with the same rules that
 *   supports ESLint 10 (eslint-plugin-jsx-a11y 6.10.2 accepts ESLint 9 at most, and ESLint 9 reached its end of
 *   life on 2026-08-06). Its rules are registered under the usual `jsx-a11y/` names, so going back to the
 *   original plugin once it supports ESLint 10 is a change of import here.
 * - Every eslint-disable comment names the rule and says why after `--` (eslint-comments/require-description):
 *   a rule is switched off where it is wrong, with the reason beside it, never in bulk.
 * - The architecture's one rule for the renderer: components call commands (renderer/src/commands/); only
 *   commands and the store itself commit to the store or talk to the host.
 */

/** jsx-a11y-x's recommended config, with its rules under the `jsx-a11y/` names of the original plugin. */
const jsxA11yRecommended = {
  name: 'jsx-a11y/recommended',
  files: ['**/*.{jsx,tsx}'],
  plugins: { 'jsx-a11y': jsxA11y },
  rules: Object.fromEntries(
    Object.entries(jsxA11y.configs.recommended.rules ?? {}).map(([rule, setting]) => [rule.replace(/^jsx-a11y-x\//, 'jsx-a11y/'), setting]),
  ),
};

const CALL_A_COMMAND = 'Components do not change the document or talk to the host directly: call a command in renderer/src/commands/ instead (architecture: "Every edit is a command").';

export default defineConfig(
  globalIgnores([
    'dist/',
    'dist-*/',
    'test-results-*/',
    'release/',
    'node_modules/',
    'bench/results/',
    'bench/tmp/',
    'test-results/',
    'playwright-report/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    name: 'stakemap/disable-comments',
    plugins: { '@eslint-community/eslint-comments': eslintComments },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
    },
  },
  {
    name: 'stakemap/typescript',
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `_`-prefixed parameters and destructured leftovers are deliberate (callbacks with a fixed signature,
      // omitting a key from a copy).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Off: an `async` function without `await` is how this code implements a method whose contract returns a
      // Promise (IPC handlers, HostDialogs and fs fakes in tests), and `async` is what turns a throw inside it
      // into a rejection, which callers rely on. Rewriting them as `return Promise.resolve(...)` would lose that.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    name: 'stakemap/tests',
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      // Off in tests only: Vitest's and Playwright's asymmetric matchers (expect.stringMatching(), expect.any() ...)
      // are typed `any`, so every `toMatchObject({ reason: expect.stringMatching(...) })` would be reported.
      // Reading an `any` (member access, call, argument, return) is still an error here.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // Plain JavaScript (the build scripts and this file) is not part of a tsconfig: lint it without types.
    name: 'stakemap/javascript',
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  {
    name: 'stakemap/react-hooks',
    files: ['renderer/**/*.{ts,tsx}', 'bench/**/*.tsx'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    rules: {
      // Classic rules: both errors (the recommended set has exhaustive-deps as a warning; with
      // --max-warnings=0 a warning fails as well, but an error says plainly that it must be fixed).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  jsxA11yRecommended,

  {
    name: 'stakemap/components-call-commands',
    files: ['renderer/src/**/*.{ts,tsx}'],
    // Commands and the store are the two places allowed to commit and to call the host. A .tsx file there is
    // a component all the same, so only .ts files are exempt.
    ignores: ['renderer/src/commands/**/*.ts', 'renderer/src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Any module of the store, however the path is written: './store/editor-store',
              // '../store/editor-store', '../../store', a future '../store/document-slice'.
              regex: '^(?:\\.{1,2}/)+(?:.*/)?store(?:/.*)?$',
              importNames: ['commit'],
              message: CALL_A_COMMAND,
            },
            {
              // renderer/src/host.ts from anywhere under renderer/src: './host', '../host', '../../host'.
              regex: '^(?:\\.{1,2}/)+host$',
              importNames: ['host'],
              message: CALL_A_COMMAND,
            },
          ],
        },
      ],
    },
  },
);
