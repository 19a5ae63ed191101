/** Jest: TypeScript through ts-jest (types are checked separately by `tsc`); ESM-only dependencies are transpiled. */
const esmPackages = [
  'feelin',
  'lezer-feel',
  '@lezer',
  'luxon',
  'min-dash',
  'bpmn-moddle',
  'dmn-moddle',
  'moddle',
  'moddle-xml',
  'saxen',
  'min-dom',
  'temporal-polyfill',
  'temporal-utils',
  // bpmnlint-plugin-camunda-compat's rules (tests/models)
  '@bpmn-io',
  '@camunda/feel-builtins',
];
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/engine',
    '<rootDir>/lib',
    '<rootDir>/db',
    '<rootDir>/domain',
    '<rootDir>/api',
    '<rootDir>/workers',
    '<rootDir>/platform',
    '<rootDir>/tests',
  ],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.[tj]sx?$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', esModuleInterop: true, isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/)`],
  testTimeout: 30000,
  // The Camunda SDK's clients can leave timers running after close(); never let them keep a finished run alive.
  forceExit: true,
};
