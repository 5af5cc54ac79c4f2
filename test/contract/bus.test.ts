import { createInProcessBus } from '../../src/bus/in-process';
import { createKafkaBus } from '../../src/bus/kafka';
import { brokerList, onBackends } from '../support/real-backends';
import { describeBusContract } from './bus.contract';

/** Short back-offs keep the retry and dead-letter scenarios quick. */
const retry = { initial_delay_ms: 10, max_delay_ms: 100 };

describeBusContract('in-process', async () => createInProcessBus({ retry }));

onBackends(['KAFKA_BROKERS'], 'kafka message bus contract', ([value]) => {
  const brokers = brokerList(value);
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
});
