// One Jest run for the whole workspace: one real PostgreSQL server (global setup), workers in parallel.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts'],
  // The console's components run in Chromium (tools/e2e/browser); only its pure modules' __tests__ run here.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/apps/web/(?!src/app/.+/__tests__/)'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@idx/(domain|contracts|event-store|read-models|scoring-projection|score-queries|audit|testing|ingestion|exports|nest-platform|access|portal-sync|reconciliation)$': '<rootDir>/libs/$1/src/index.ts',
  },
  globalSetup: '<rootDir>/tools/testing/global-setup.mjs',
  globalTeardown: '<rootDir>/tools/testing/global-teardown.mjs',
  testTimeout: 60000,
  maxWorkers: 2,
};
