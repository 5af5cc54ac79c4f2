/**
 * Integration suites run against real servers when their variables are set. Without them the
 * suite is skipped — except on CI (CI=true), where `.ci/run` starts the servers, so a missing
 * variable fails the suite instead of silently skipping it.
 */
export type BackendVariable = 'MONGODB_URL' | 'KAFKA_BROKERS' | 'EVENTSTORE_CONNECTION_STRING';

export function onBackends<V extends BackendVariable[]>(
  variables: [...V],
  name: string,
  register: (values: { [K in keyof V]: string }) => void,
): void {
  const missing = variables.filter((variable) => !process.env[variable]);
  if (missing.length === 0) {
    register(variables.map((variable) => process.env[variable]!) as { [K in keyof V]: string });
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it(`needs ${missing.join(' and ')}`, () => {
        throw new Error(`${missing.join(' and ')} must be set on CI (npm run infra:up prints them)`);
      });
    });
  } else {
    describe.skip(`${name} (set ${missing.join(' and ')} to run)`, () => {
      it('needs a server', () => undefined);
    });
  }
}

export const brokerList = (value: string): string[] => value.split(',').map((broker) => broker.trim()).filter(Boolean);
