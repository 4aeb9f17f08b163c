import os from 'node:os';

/**
 * One Jest run, three projects: unit specs beside the code, integration tests against real
 * PostgreSQL and Redis, and browser tests driving Debian's Chromium. NestJS 12 is ESM-only, so
 * everything runs as native ESM (node --experimental-vm-modules) with swc as the transformer.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      target: 'es2023',
      keepClassNames: true,
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        useDefineForClassFields: false,
        react: { runtime: 'automatic' },
      },
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: {
    '^@muster/contracts$': '<rootDir>/contracts/src/index.ts',
    '^@muster/server/(.*)\\.js$': '<rootDir>/server/src/$1',
    // The emulator's workspace, from its sources (its package.json exports the built dist/).
    '^@muster/twilio-emulator$': '<rootDir>/tools/twilio-emulator/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

export default {
  // The tests spend most of their time waiting on PostgreSQL, Redis, the server under test and
  // Chromium, so a second worker overlaps that wait even on a two-core machine (Jest's default
  // there is one).
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  // A worker keeps every ES module graph it has loaded (the vm-modules registry is per file but
  // not all of it is freed), and after a couple of hundred files one ran out of heap. Past this
  // much after a file, the worker is replaced by a fresh one.
  workerIdleMemoryLimit: '1.5GB',
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  // Generous: the first test file to run also migrates and seeds the template database, and CI
  // machines are slower than a developer's. A test that hangs still fails, just later.
  testTimeout: 120_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/contracts/src/**/*.spec.ts',
        '<rootDir>/server/src/**/*.spec.ts',
        '<rootDir>/worker/src/**/*.spec.ts',
        '<rootDir>/web/src/**/*.spec.ts',
        '<rootDir>/tools/*/src/**/*.spec.ts',
        '<rootDir>/infra/**/*.spec.mjs',
      ],
    },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      slowTestThreshold: 60,
    },
  ],
};
