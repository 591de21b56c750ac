import eslint from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.stack/**', '**/src/generated/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    // Module boundaries: a package reaches another only through that package's name and its package.json
    // `exports` (e.g. @portfolioos/listings/seed), never by a relative path into its src/ or test/.
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          conditionNames: ['@portfolioos/source', 'types', 'import', 'default'],
          project: ['tsconfig.base.json', '*/*/tsconfig.json', '{bench,e2e,schemas}/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: { 'import-x/no-relative-packages': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Named exports only (CONVENTIONS.md).
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration once through the service config schema.',
        },
      ],
    },
  },
  {
    // Config loaders, process entries, tests, benches and tooling may read the environment.
    files: [
      '**/config.ts',
      '**/load-config.ts',
      '**/server.ts',
      '**/test/**',
      'bench/**',
      'scripts/**',
      '**/scripts/**',
      'libs/testing/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Tool configs (eslint, drizzle-kit, vite) must default-export.
    files: ['eslint.config.js', '**/drizzle.config.ts', '**/vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The web app's client runs in the browser.
    files: ['services/web/client/**'],
    languageOptions: { globals: globals.browser },
  },
);
