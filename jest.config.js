/** Type checking is done once by `npm run typecheck`; jest only transpiles. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
  // kafkajs occasionally keeps a socket of a disconnected consumer open for minutes; on CI a
  // finished run must end rather than hang (jest says so when it forces the exit).
  forceExit: process.env.CI === 'true',
};
