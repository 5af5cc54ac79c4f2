import { createInProcessBus } from '../../src/bus/in-process';
import { createKafkaBus } from '../../src/bus/kafka';
import { describeBusContract } from './bus.contract';

/** Short back-offs keep the retry and dead-letter scenarios quick. */
const retry = { initial_delay_ms: 10, max_delay_ms: 100 };

describeBusContract('in-process', async () => createInProcessBus({ retry }));

const brokers = process.env.KAFKA_BROKERS?.split(',').map((broker) => broker.trim()).filter(Boolean) ?? [];

if (brokers.length > 0) {
  describeBusContract(
    'kafka',
    async () =>
      createKafkaBus({
        brokers,
        client_id: 'jobwise-bus-contract',
        retry,
        consumer: { session_timeout_ms: 6_000, heartbeat_interval_ms: 500, rebalance_timeout_ms: 6_000, max_wait_time_ms: 100 },
      }),
    { test_timeout_ms: 60_000, delivery_timeout_ms: 30_000 },
  );
} else if (process.env.CI === 'true') {
  describe('kafka message bus contract', () => {
    it('needs a broker', () => {
      throw new Error('KAFKA_BROKERS must be set on CI');
    });
  });
} else {
  describe.skip('kafka message bus contract (set KAFKA_BROKERS=host:port to run)', () => {
    it('needs a broker', () => undefined);
  });
}
