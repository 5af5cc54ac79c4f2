/**
 * Integration suites run against real servers when their URL is set. On CI (CI=true) a
 * missing URL fails the suite instead of skipping it: `.ci/run` starts the servers.
 */
export function requireBackend(variable: 'MONGODB_URL' | 'KAFKA_BROKERS'): { describe: jest.Describe; value: string | undefined } {
  const value = process.env[variable];
  if (value) return { describe, value };
  if (process.env.CI === 'true') {
    return {
      describe: ((name: string) =>
        describe(name, () => {
          it(`needs ${variable}`, () => {
            throw new Error(`${variable} must be set on CI (npm run infra:up prints it)`);
          });
        })) as unknown as jest.Describe,
      value,
    };
  }
  return { describe: describe.skip, value };
}
