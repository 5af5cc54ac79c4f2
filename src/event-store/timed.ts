import { eventStoreAppendDuration } from '../shared/metrics';
import { EventStore, WrongExpectedRevisionError } from './port';

/**
 * The event store with its appends timed into `jobwise_event_store_append_duration_seconds`
 * (outcome `ok`, `conflict` for a wrong expected revision, `error` otherwise). Every other
 * method is the store's own. Applied by the composition root to whichever adapter is open.
 */
export function withAppendMetrics(store: EventStore): EventStore {
  const appendToStream: EventStore['appendToStream'] = async (...args) => {
    const started = process.hrtime.bigint();
    let outcome = 'error';
    try {
      const result = await store.appendToStream(...args);
      outcome = 'ok';
      return result;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) outcome = 'conflict';
      throw error;
    } finally {
      eventStoreAppendDuration.observe({ outcome }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'appendToStream') return appendToStream;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
