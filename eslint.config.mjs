import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Layering (docs/decisions/0016): imports each folder must not make. Every folder's entry repeats the rule against a
 * path into a package's dist/ (the SDK's types come through lib/camunda), since a later entry replaces an earlier.
 */
const noDist = {
  regex: '(^|/)dist/',
  message: 'Use what the package exports at its top level (lib/camunda for the SDK).',
};
const layer = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns: [noDist, ...patterns] }] });
const models = { regex: '(^|/)db/', message: 'Only domain/ (and the start-up) reads the database: call the area.' };
const deepDomain = { regex: '(^|/)domain/[^/]+/', message: "Use the area's public interface: domain/<area>." };
const httpLayer = { regex: '(^|/)api/', message: 'Not the HTTP layer: what it and you share belongs in domain/.' };
const jobLayer = {
  regex: '(^|/)workers/',
  message: 'Not the job workers: what they and you share belongs in domain/.',
};
const otherArea = { regex: '^\\.\\./[^./][^/]*/', message: "Another area only through its index: '../<area>'." };

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.ts'], rules: layer() },
  { files: ['api/**/*.ts'], rules: layer(models, deepDomain, jobLayer) },
  { files: ['workers/**/*.ts'], rules: layer(models, deepDomain, httpLayer) },
  { files: ['domain/**/*.ts'], rules: layer(httpLayer, jobLayer) },
  { files: ['domain/*/**/*.ts'], rules: layer(httpLayer, jobLayer, otherArea) },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/**/*.test.ts'],
    rules: layer(models, httpLayer, jobLayer, {
      regex: '(^|/)domain/',
      message: 'lib/ is below domain/: hand it what it needs.',
    }),
  },
  {
    // API answers in end-to-end tests are JSON whose shape the assertions check.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
