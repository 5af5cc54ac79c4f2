// ESLint (flat config) for the TypeScript in src, projections, contracts, scripts, examples and test.
// Run by `npm run lint` (with dependency-cruiser for the import rules, see .dependency-cruiser.cjs)
// and so by `npm test` and CI.
//
// A small, deliberate rule set: each rule is here because it catches real mistakes in this code
// base. The type checker already covers what the usual "recommended" sets mostly check, and
// formatting is nobody's lint job. One rule needs type information (no-floating-promises): with
// it the lint takes about 30 s on CI's 2 cores. Add further type-aware rules only while that stays
// well under a minute.
// Add a rule with a comment saying why; fix findings rather than disabling them inline.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', '.tools/', '.infra/', '.gen/', 'data/'],
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: 'module',
      // Types come from tsconfig.json, which includes every folder linted here.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: {
      // An eslint-disable comment that suppresses nothing is itself an error: no stray ones.
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // Dead imports, variables and parameters hide what code really uses. A leading `_` marks
      // one as deliberately unused (e.g. an interface-mandated parameter), and the fields
      // destructured beside a `...rest` are how this code strips fields off a document, so
      // those are not reported either.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'all',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // `==` coerces ('' == 0, '1' == 1): compare with === / !==. `x == null` stays allowed as
      // the one idiom for "null or undefined".
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // A promise nobody awaits loses its rejection (an unhandled rejection ends the process)
      // and its ordering (an event appended after the response was sent). Await it, return
      // it, or mark a deliberate fire-and-forget with `void`.
      '@typescript-eslint/no-floating-promises': 'error',
      // Type-only imports may be written either way; mixing them is not worth a rule.
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // The service logs through pino (src/shared/logger.ts) so that every line is structured;
    // only the entry point may write to the console. Scripts and tests print freely.
    files: ['src/**/*.ts'],
    ignores: ['src/main.ts'],
    rules: {
      'no-console': 'error',
    },
  },
);
