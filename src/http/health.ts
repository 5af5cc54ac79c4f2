import { Express } from 'express';
import { ProjectorStatus } from '../projector/projection-runner';
import { RelayStatus } from '../relay';
import { MessageBus } from '../bus/port';
import { EventStore } from '../event-store/port';
import { ReadStore } from '../read-store/port';
import { CheckpointStore } from '../read-store/checkpoints';

export interface HealthDeps {
  events: EventStore;
  readStore: ReadStore;
  bus: MessageBus;
  /** Every read model the projectors maintain, by name. */
  readModels: readonly string[];
  /** Status of the projectors running in this process (empty when another process runs them). */
  projectors: () => ProjectorStatus[];
  /** Status of the relay when this process runs it. */
  relay: () => RelayStatus | null;
  /** Background tasks of this process still preparing (see BackgroundTask.ready). */
  pendingTasks?: () => string[];
}

type ComponentHealth = { status: 'ok' | 'down'; latency_ms?: number; error?: string };

async function probe(check: () => Promise<unknown>): Promise<ComponentHealth> {
  const started = Date.now();
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000))]);
    return { status: 'ok', latency_ms: Date.now() - started };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  }
}

/** Projector lag: how far each read model's checkpoint is behind the head of the event store. */
async function projectorLag(deps: HealthDeps) {
  const head = await deps.events.headPosition();
  const local = new Map(deps.projectors().map((p) => [p.name, p]));
  const checkpoints = new CheckpointStore(deps.readStore);
  return Promise.all(
    deps.readModels.map(async (name) => {
      const status = local.get(name);
      const checkpoint = status?.checkpoint ?? (await checkpoints.load(name));
      const behind = checkpoint < head ? await deps.events.readAll({ after_position: checkpoint, max_count: 1 }) : [];
      const lag_ms = behind[0] ? Math.max(0, Date.now() - Date.parse(behind[0].recorded_at)) : 0;
      return {
        name,
        state: status?.state ?? 'remote',
        checkpoint,
        caught_up: behind.length === 0,
        lag_ms,
        events_applied: status?.events_applied,
        events_failed: status?.events_failed,
        last_error: status?.last_error,
      };
    }),
  );
}

/**
 * Ready when every projector of this process has caught up with the log as it stood at its start,
 * the relay (where it runs) has started and no start-up load is still preparing (the catalogue
 * load waits for its read model); a process without any of these is ready once it listens.
 */
export function readiness(deps: Pick<HealthDeps, 'projectors' | 'relay' | 'pendingTasks'>) {
  const waiting = deps.projectors().filter((projector) => !projector.ready).map((projector) => projector.name);
  waiting.push(...(deps.pendingTasks?.() ?? []));
  const relay = deps.relay();
  const relay_started = relay === null || !['starting', 'stopped'].includes(relay.state);
  if (!relay_started) waiting.push('relay');
  return { ready: waiting.length === 0, waiting_for: waiting };
}

export function mountHealth(app: Express, deps: HealthDeps): void {
  /** Liveness: the process answers. */
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  /** Readiness: 503 until the read models this process maintains are caught up. */
  app.get('/health/ready', (_req, res) => {
    const { ready, waiting_for } = readiness(deps);
    res.status(ready ? 200 : 503).json(ready ? { status: 'ready' } : { status: 'starting', waiting_for });
  });
  app.get('/health/detailed', async (_req, res) => {
    const [event_store, read_store, bus] = await Promise.all([
      probe(() => deps.events.ping()),
      probe(() => deps.readStore.ping()),
      probe(() => deps.bus.ping()),
    ]);
    const projectors = event_store.status === 'ok' && read_store.status === 'ok' ? await projectorLag(deps) : [];
    const healthy = [event_store, read_store, bus].every((c) => c.status === 'ok');
    res
      .status(healthy ? 200 : 503)
      .json({ status: healthy ? 'ok' : 'degraded', components: { event_store, read_store, bus }, projectors, relay: deps.relay() });
  });
}
