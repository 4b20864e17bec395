// Lint rules, including the import direction between folders:
// renderer → shared; electron → backend → db → shared; shared imports nothing of ours.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const forbid = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group: [group], message })) }],
});

const NODE = [['node:*', 'this folder runs outside Node too; keep it free of Node APIs']];
const ELECTRON = [['electron', 'only electron/ may import Electron']];
const NATIVE = [['better-sqlite3', 'only db/ touches SQLite']];
const up = (folder) => [[`**/${folder}/**`, `this folder may not import from ${folder}/`]];

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', '.native/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['tests/**'],
    rules: { '@typescript-eslint/explicit-module-boundary-types': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid(...NODE, ...ELECTRON, ...NATIVE, ...up('db'), ...up('backend'), ...up('electron')),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid(
      ...NODE,
      ...ELECTRON,
      ...NATIVE,
      ...up('db'),
      ...up('backend'),
      ...up('electron'),
      ...up('renderer'),
      ['react', 'shared/ is UI-free'],
    ),
  },
  { files: ['db/**/*.ts'], rules: forbid(...ELECTRON, ...up('backend'), ...up('electron'), ...up('renderer')) },
  { files: ['backend/**/*.ts'], rules: forbid(...ELECTRON, ...NATIVE, ...up('electron'), ...up('renderer')) },
  { files: ['electron/**/*.ts'], rules: forbid(...NATIVE, ...up('renderer')) },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
