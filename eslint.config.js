import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const uiAndCli = {
  patterns: [
    { group: ['ink', 'ink-*', 'react', 'react/*', 'commander', 'chalk'], message: 'Services never import UI or CLI libraries (see ENGINEERING.md: three layers, one direction).' },
    { group: ['**/ui/**', '**/cli/**'], message: 'Services never import the UI or CLI layers.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**', 'src/security/**', 'src/providers/**', 'src/inference/**', 'src/monitoring/**'],
    rules: { 'no-restricted-imports': ['error', uiAndCli] },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'crypto', 'node:crypto'].map((name) => ({ name, message: 'Screens get services passed in; they never touch fs or crypto.' })),
      }],
    },
  },
);
