// ESLint flat config. Besides the usual TypeScript and React hooks rules it enforces the
// layers of DESIGN.md: only electron/main and electron/preload may import 'electron'; the
// engine, the CLI and shared/ never do; the renderer sees neither Node nor electron/; shared/
// imports nothing platform-specific.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronImport = { name: 'electron', message: 'Only electron/main and electron/preload may import electron (DESIGN.md, Layers).' };
const nodeBuiltins = { group: ['node:*'], message: 'This layer must not use Node built-ins (DESIGN.md, Layers).' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tools/**', 'test-results/**', 'playwright-report/**', 'test/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/engine/**', 'electron/cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronImport] }] },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronImport, { name: 'react', message: 'shared/ is UI-free.' }], patterns: [nodeBuiltins, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports only shared/.' }] }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [electronImport], patterns: [nodeBuiltins, { group: ['**/electron/**'], message: 'The renderer talks to the Node side only through window.vetbench (shared/api.ts).' }] }],
    },
  },
);
