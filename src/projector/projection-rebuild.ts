import { randomUUID } from 'node:crypto';
import { EventStore } from '../event-store/port';
import { EventSerializer, plainSerializer } from '../event-store/serializer';
import { CheckpointDoc, CheckpointStore, CHECKPOINTS_COLLECTION } from '../read-store/checkpoints';
import { Doc, ReadStore } from '../read-store/port';
import { rebuildName } from '../read-store/rebuild-names';
import { Logger } from '../shared/logger';
import { Projection } from '../../contracts/shared/projection';
import { ProjectedDoc } from '../../contracts/shared/read-model';
import { lagBehind } from './lag';
import { ProjectionRunner } from './projection-runner';

/** Where every rebuild's last status is kept (one document per projection), for other processes and after a restart. */
export const REBUILDS_COLLECTION = 'projection_rebuilds';

export type RebuildPhase = 'requested' | 'rebuilding' | 'switching' | 'completed' | 'failed';

export interface RebuildStatus {
  rebuild_id: string;
  projection: string;
  phase: RebuildPhase;
  /** The collection queries read; after the switch it holds the rebuilt documents. */
  collection: string;
  /** The collection being built until the switch. */
  building: string;
  /** How far the rebuild got, and where the live projection is. */
  checkpoint: string;
  live_checkpoint: string;
  /** Events the rebuild is behind the live projection (counted up to 1000: that many means "at least"). */
  behind_events: number;
  /** Share of the log rebuilt, 0–100, estimated from positions. */
  percent: number;
  events_applied: number;
  events_failed: number;
  started_at: string;
  switched_at: string | null;
  finished_at: string | null;
  /** How long reads and writes of the projection waited for the switch. */
  switch_ms: number | null;
  error: string | null;
  requested_by: string | null;
  /** When it was asked for through a process without the projection's runner (null: started where it runs). */
  requested_at: string | null;
  /** When this status was last written (a running rebuild writes it at least every few seconds). */
  updated_at: string;
}

/** The answers a caller maps to HTTP: no such projection, or one already rebuilding. */
export class RebuildRefused extends Error {
  constructor(
    readonly reason: 'unknown' | 'running' | 'elsewhere',
    message: string,
  ) {
    super(message);
    this.name = 'RebuildRefused';
  }
}

export interface ProjectionRebuildsDeps {
  events: EventStore;
  readStore: ReadStore;
  logger: Logger;
  serializer?: EventSerializer;
  projections: readonly Projection<ProjectedDoc>[];
  /** The projectors this process runs: the one being rebuilt is paused for the switch. */
  runners: readonly ProjectionRunner[];
  /**
   * A projection with no runner here: 'request' (another process runs it, and only that one can
   * pause it: a `requested` status is stored for it to pick up), 'refuse' (the same, refused
   * instead) or 'offline' (nothing runs it: the CLI with the projector stopped).
   */
  without_runner: 'request' | 'refuse' | 'offline';
  /** How long a request waits for a projector process before it shows as failed (default 60 s). */
  request_timeout_ms?: number;
  /** How often progress is checked (default 100 ms). */
  poll_ms?: number;
  /** Longest wait for the rebuild to reach the paused live projection (default 60 s). */
  switch_timeout_ms?: number;
}

/** A status not written for this long belongs to a process that is gone. */
const ABANDONED_MS = 30_000;
const REQUEST_TIMEOUT_MS = 60_000;
export const NOT_PICKED_UP = 'no projector process picked this up';
const PERSIST_EVERY_MS = 1_000;

/**
 * Rebuilds a projection without downtime (ADR 0012): a second runner of the same projection,
 * under its own checkpoint id, builds `<collection>__rebuild` from the start of the log while
 * the live one keeps serving. Once it has caught up with the live checkpoint, the live runner is
 * paused (its batch in flight finishes), the rebuild reaches the same position, the new
 * collection takes the live name in one atomic rename that drops the old one, the live
 * checkpoint moves to the rebuild's, and the live runner resumes on the new documents.
 */
export class ProjectionRebuilds {
  private readonly running = new Map<string, { status: RebuildStatus; done: Promise<RebuildStatus>; runner: ProjectionRunner; cancelled: boolean }>();
  private readonly last = new Map<string, RebuildStatus>();
  private stopping = false;
  private watch: { timer: NodeJS.Timeout | null; pass: Promise<void> } | null = null;

  constructor(private readonly deps: ProjectionRebuildsDeps) {}

  /** Starts a rebuild and answers at once; `wait(name)` resolves when it ends. */
  async start(name: string, requested_by: string | null = null, requested_at: string | null = null): Promise<RebuildStatus> {
    const projection = this.deps.projections.find((p) => p.name === name);
    if (!projection) throw new RebuildRefused('unknown', `No projection is named ${name}`);
    const live = this.deps.runners.find((runner) => runner.name === name) ?? null;
    if (!live && this.deps.without_runner === 'refuse') {
      throw new RebuildRefused('elsewhere', `Projection ${name} runs in another process; ask a process with the projector role`);
    }
    if (this.running.has(name)) throw new RebuildRefused('running', `Projection ${name} is already being rebuilt`);
    const stored = await this.stored(name);
    if (stored && (stored.phase === 'rebuilding' || stored.phase === 'switching') && Date.now() - Date.parse(stored.updated_at) < ABANDONED_MS) {
      throw new RebuildRefused('running', `Projection ${name} is being rebuilt by another process`);
    }
    if (this.running.has(name)) throw new RebuildRefused('running', `Projection ${name} is already being rebuilt`);
    if (!live && this.deps.without_runner === 'request') return this.request(projection, stored, requested_by);

    const status = freshStatus(projection, 'rebuilding', requested_by, requested_at);
    const copy: Projection<ProjectedDoc> = { ...projection, name: rebuildName(name), collection: status.building };
    const runner = new ProjectionRunner(copy, this.deps.events, this.deps.readStore, this.deps.logger.child({ projection: copy.name }), this.deps.serializer ?? plainSerializer);
    const entry = { status, runner, cancelled: false, done: Promise.resolve(status) };
    this.running.set(name, entry);
    entry.done = this.run(projection, live, entry).finally(() => this.running.delete(name));
    return { ...status };
  }

  /**
   * The rebuild running here, else the last one of this projection (here or in any process). A
   * request no projector process picked up in time shows as failed (it is only read so: the
   * stored request stays, and is replaced by the next one).
   */
  async status(name: string): Promise<RebuildStatus | null> {
    const here = this.running.get(name)?.status ?? this.last.get(name);
    if (here) return { ...here };
    const stored = await this.stored(name);
    return stored && this.expired(stored) ? { ...stored, phase: 'failed', error: NOT_PICKED_UP, finished_at: new Date(Date.parse(stored.requested_at ?? stored.updated_at) + this.requestTimeout()).toISOString() } : stored;
  }

  /**
   * Where this process runs projectors: every `interval_ms`, starts the rebuilds requested through
   * processes that do not run them (one pass at a time; stopped by `stop()`).
   */
  watchRequests(interval_ms: number): void {
    if (this.watch || this.deps.runners.length === 0) return;
    const watch: { timer: NodeJS.Timeout | null; pass: Promise<void> } = { timer: null, pass: Promise.resolve() };
    const next = () => {
      if (this.stopping) return;
      watch.timer = setTimeout(() => {
        watch.pass = this.pickUpRequests()
          .then(() => undefined)
          .catch((error: unknown) => this.deps.logger.warn({ err: String(error) }, 'rebuild requests not read'))
          .finally(next);
      }, interval_ms);
    };
    this.watch = watch;
    next();
  }

  /** Starts every rebuild requested (and not expired) for a projection that runs here; answers the ones it started. */
  async pickUpRequests(): Promise<RebuildStatus[]> {
    const started: RebuildStatus[] = [];
    for (const runner of this.deps.runners) {
      if (this.stopping || this.running.has(runner.name)) continue;
      const stored = await this.stored(runner.name);
      if (!stored || stored.phase !== 'requested' || this.expired(stored)) continue;
      try {
        // The status written by start() (phase rebuilding) claims the request.
        started.push(await this.start(runner.name, stored.requested_by, stored.requested_at));
        this.deps.logger.info({ projection: runner.name }, 'requested projection rebuild picked up');
      } catch (error) {
        if (!(error instanceof RebuildRefused)) throw error;
      }
    }
    return started;
  }

  /** Resolves with the final status of the rebuild running here, or of the last one that ran here (null: none did). */
  async wait(name: string): Promise<RebuildStatus | null> {
    const entry = this.running.get(name);
    if (entry) return entry.done;
    const last = this.last.get(name);
    return last ? { ...last } : null;
  }

  /** Shutdown: rebuilds in progress are abandoned (their collection dropped), live projections left as they are. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.watch) {
      if (this.watch.timer) clearTimeout(this.watch.timer);
      await this.watch.pass;
    }
    const entries = [...this.running.values()];
    for (const entry of entries) entry.cancelled = true;
    await Promise.allSettled(entries.map((entry) => entry.done));
  }

  /** A rebuild asked for where the projection does not run: stored for a projector process to pick up. */
  private async request(projection: Projection<ProjectedDoc>, stored: RebuildStatus | null, requested_by: string | null): Promise<RebuildStatus> {
    if (stored?.phase === 'requested' && !this.expired(stored)) {
      throw new RebuildRefused('running', `A rebuild of ${projection.name} is already requested and waits for a projector process`);
    }
    const status = freshStatus(projection, 'requested', requested_by, 'now');
    await this.persist(status);
    this.deps.logger.info({ projection: projection.name }, 'projection rebuild requested for a projector process');
    return { ...status };
  }

  private requestTimeout(): number {
    return this.deps.request_timeout_ms ?? REQUEST_TIMEOUT_MS;
  }

  private expired(status: RebuildStatus): boolean {
    return status.phase === 'requested' && Date.now() - Date.parse(status.requested_at ?? status.updated_at) >= this.requestTimeout();
  }

  private async run(projection: Projection<ProjectedDoc>, live: ProjectionRunner | null, entry: { status: RebuildStatus; runner: ProjectionRunner; cancelled: boolean }): Promise<RebuildStatus> {
    const { status, runner } = entry;
    const log = this.deps.logger.child({ projection: projection.name, rebuild_id: status.rebuild_id });
    const checkpoints = new CheckpointStore(this.deps.readStore);
    const offline_checkpoint = live ? null : await this.checkpointDoc(projection.name);
    let paused = false;
    try {
      // What a rebuild that died left behind is started afresh.
      await this.deps.readStore.dropCollection(status.building);
      await this.deps.readStore.collection(CHECKPOINTS_COLLECTION).delete(runner.name);
      await this.persist(status);
      log.info({ building: status.building }, 'projection rebuild started');
      await runner.start();

      // Catch up with the live projection while it keeps serving.
      let persisted = Date.now();
      for (;;) {
        if (entry.cancelled || this.stopping) throw new Error('stopped before the switch');
        const liveCheckpoint = live ? live.snapshot().checkpoint : await checkpoints.load(projection.name);
        await this.progress(status, runner, liveCheckpoint);
        if (runner.snapshot().state === 'live' && status.checkpoint >= liveCheckpoint) break;
        if (Date.now() - persisted >= PERSIST_EVERY_MS) {
          await this.persist(status);
          persisted = Date.now();
        }
        await sleep(this.deps.poll_ms ?? 100);
      }

      // The switch: the live projection stands still while the rebuild reaches it, then the names swap.
      status.phase = 'switching';
      await this.persist(status);
      const switch_started = Date.now();
      if (live) {
        paused = true;
        await live.pause();
      }
      const target = live ? live.snapshot().checkpoint : await checkpoints.load(projection.name);
      await runner.waitFor(target, this.deps.switch_timeout_ms ?? 60_000);
      await runner.stop();
      if (!live && (await this.checkpointDoc(projection.name))?.updated_at !== offline_checkpoint?.updated_at) {
        throw new Error(`the live checkpoint of ${projection.name} moved during the rebuild: its projector runs elsewhere (stop it, or ask that process)`);
      }
      const reached = runner.snapshot().checkpoint;
      await this.deps.readStore.renameCollection(status.building, projection.collection);
      await checkpoints.save(projection.name, reached);
      await checkpoints.markChanged(projection.name, `rebuild ${status.rebuild_id}`);
      await this.deps.readStore.collection(CHECKPOINTS_COLLECTION).delete(runner.name);
      if (live) {
        paused = false;
        await live.resume();
      }
      const finished = new Date().toISOString();
      Object.assign(status, { phase: 'completed', checkpoint: reached, live_checkpoint: reached, behind_events: 0, percent: 100, switched_at: finished, finished_at: finished, switch_ms: Date.now() - switch_started });
      Object.assign(status, counts(runner));
      log.info({ checkpoint: reached, events_applied: status.events_applied, switch_ms: status.switch_ms }, 'projection rebuilt and switched over');
    } catch (error) {
      status.phase = 'failed';
      status.error = error instanceof Error ? error.message : String(error);
      status.finished_at = new Date().toISOString();
      log.error({ err: status.error }, 'projection rebuild failed; the live collection stays');
      await runner.stop().catch(() => undefined);
      if (paused && live) await live.resume().catch((resumeError: unknown) => log.error({ err: String(resumeError) }, 'live projection did not resume'));
      await this.deps.readStore.dropCollection(status.building).catch(() => undefined);
      await this.deps.readStore.collection(CHECKPOINTS_COLLECTION).delete(runner.name).catch(() => undefined);
    }
    this.last.set(projection.name, status);
    await this.persist(status).catch((error: unknown) => log.warn({ err: String(error) }, 'rebuild status not stored'));
    return { ...status };
  }

  private async progress(status: RebuildStatus, runner: ProjectionRunner, liveCheckpoint: string): Promise<void> {
    const checkpoint = runner.snapshot().checkpoint;
    const behind = await lagBehind(this.deps.events, status.projection, checkpoint, liveCheckpoint);
    Object.assign(status, { checkpoint, live_checkpoint: liveCheckpoint, behind_events: behind.events, percent: percentOf(checkpoint, liveCheckpoint) }, counts(runner));
  }

  private async persist(status: RebuildStatus): Promise<void> {
    status.updated_at = new Date().toISOString();
    await this.deps.readStore.collection<RebuildStatus & Doc>(REBUILDS_COLLECTION).upsert({ ...status, _id: status.projection });
  }

  private async stored(name: string): Promise<RebuildStatus | null> {
    const doc = await this.deps.readStore.collection<RebuildStatus & Doc>(REBUILDS_COLLECTION).get(name);
    if (!doc) return null;
    const { _id: _ignored, ...status } = doc;
    // Statuses stored before requests existed have no requested_at.
    return { ...status, requested_at: status.requested_at ?? null };
  }

  private checkpointDoc(name: string): Promise<CheckpointDoc | null> {
    return this.deps.readStore.collection<CheckpointDoc>(CHECKPOINTS_COLLECTION).get(name);
  }
}

function counts(runner: ProjectionRunner): { events_applied: number; events_failed: number } {
  const { events_applied, events_failed } = runner.snapshot();
  return { events_applied, events_failed };
}

/** Positions of both adapters start with a zero-padded number that grows along the log (embedded: a sequence; EventStoreDB: the commit position). */
function percentOf(checkpoint: string, target: string): number {
  if (checkpoint >= target) return 100;
  const at = Number.parseInt(checkpoint, 10) || 0;
  const of = Number.parseInt(target, 10) || 0;
  return of > 0 ? Math.min(99, Math.floor((100 * at) / of)) : 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A rebuild that starts (or is asked for) now: nothing applied yet. */
function freshStatus(projection: Projection<ProjectedDoc>, phase: 'rebuilding' | 'requested', requested_by: string | null, requested_at: string | null | 'now'): RebuildStatus {
  const now = new Date().toISOString();
  return {
    rebuild_id: randomUUID(),
    projection: projection.name,
    phase,
    collection: projection.collection,
    building: rebuildName(projection.collection),
    checkpoint: '',
    live_checkpoint: '',
    behind_events: 0,
    percent: 0,
    events_applied: 0,
    events_failed: 0,
    started_at: now,
    switched_at: null,
    finished_at: null,
    switch_ms: null,
    error: null,
    requested_by,
    requested_at: requested_at === 'now' ? now : requested_at,
    updated_at: now,
  };
}
