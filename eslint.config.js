import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.turbo/**',
      '**/oclif.manifest.json',
      'examples/**/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use as-const unions, not enums.' },
      ],
    },
  },
  {
    // Scripts, bins and browser code are plain JavaScript, and the examples' TypeScript (a
    // job, declaration files) belongs to no tsconfig: no type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs', 'examples/**/*.ts', 'examples/**/*.mts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Code that runs in a page: the web UI's script, and tests' page.evaluate callbacks.
    files: [
      'apps/job-runner/public/**',
      'apps/job-runner/test/**',
      'packages/testkit/src/browser*.ts',
    ],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier,
);
