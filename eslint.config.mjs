import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

/**
 * Layering (docs/decisions/0016, 0017): imports each folder must not make. A later entry of no-restricted-imports
 * replaces an earlier one for the files both match, so each folder's entry lists every pattern that applies to it.
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
/**
 * Outside the engine, the engine is reached through @camunda8/sdk only; its configuration schema (a leaf module of
 * variable declarations) is the one import allowed, for start-up checks and README (decision 0017).
 */
const noEngine = {
  group: ['**/engine/**', '!**/engine/config-schema'],
  message: 'reach the engine through @camunda8/sdk; only engine/config-schema may be imported here',
};
const otherArea = { regex: '^\\.\\./[^./][^/]*/', message: "Another area only through its index: '../<area>'." };

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', '**/dist/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.ts'], rules: layer() },
  { files: ['db/**/*.ts', 'platform/**/*.ts', 'scripts/**/*.ts'], rules: layer(noEngine) },
  { files: ['api/**/*.ts'], rules: layer(noEngine, models, deepDomain, jobLayer) },
  { files: ['workers/**/*.ts'], rules: layer(noEngine, models, deepDomain, httpLayer) },
  { files: ['domain/**/*.ts'], rules: layer(noEngine, httpLayer, jobLayer) },
  { files: ['domain/*/**/*.ts'], rules: layer(noEngine, httpLayer, jobLayer, otherArea) },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/**/*.test.ts'],
    rules: layer(noEngine, models, httpLayer, jobLayer, {
      regex: '(^|/)domain/',
      message: 'lib/ is below domain/: hand it what it needs.',
    }),
  },
  {
    // No import cycles anywhere: a cycle makes module initialisation order matter and hides a missing seam
    // (docs/decisions/0015).
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver': { typescript: true, node: true },
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  { files: ['lib/**/*.test.ts'], rules: layer(noEngine) },
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
