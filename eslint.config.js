import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.stack/**', '**/src/generated/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
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
    // Tool configs (eslint, drizzle-kit) must default-export.
    files: ['eslint.config.js', '**/drizzle.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
