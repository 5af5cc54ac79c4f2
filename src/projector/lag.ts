import { EventStore } from '../event-store/port';
import { CheckpointStore } from '../read-store/checkpoints';
import { ReadStore } from '../read-store/port';
import { LagReading } from '../shared/metrics';

/** Lag in events is counted by reading the log after the checkpoint, up to this many (a reading of this many means "at least"). */
export const MAX_COUNTED_LAG = 1_000;

/**
 * How far one checkpoint is behind the head of the event store: the events after it (counted up
 * to MAX_COUNTED_LAG) and the age of the first of them (0 when caught up).
 */
export async function lagBehind(events: EventStore, name: string, checkpoint: string, head: string, now = Date.now()): Promise<LagReading> {
  if (checkpoint >= head) return { name, events: 0, seconds: 0 };
  const behind = await events.readAll({ after_position: checkpoint, max_count: MAX_COUNTED_LAG });
  const first = behind[0];
  return { name, events: behind.length, seconds: first ? Math.max(0, now - Date.parse(first.recorded_at)) / 1000 : 0 };
}

/**
 * The lag of every projector (its checkpoint from this process's runner when it runs here, from
 * the checkpoint store otherwise), for the `jobwise_projector_lag_*` gauges.
 */
export async function projectorLagReadings(
  events: EventStore,
  readStore: ReadStore,
  readModels: readonly string[],
  local: () => { name: string; checkpoint: string }[],
): Promise<LagReading[]> {
  const head = await events.headPosition();
  const running = new Map(local().map((p) => [p.name, p.checkpoint]));
  const checkpoints = new CheckpointStore(readStore);
  return Promise.all(readModels.map(async (name) => lagBehind(events, name, running.get(name) ?? (await checkpoints.load(name)), head)));
}
