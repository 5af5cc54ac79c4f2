import { JobSourceView, SyncResult } from '../../contracts/job-sources/http';
import { JobSourceConfig } from '../../contracts/job-sources/source';
import { Clock } from '../shared/clock';
import { DomainError, ServiceUnavailableError } from '../shared/errors';
import { Logger } from '../shared/logger';
import { PeriodicSweep } from '../shared/periodic-sweep';
import { BoardHttp, BoardHttpOptions } from './board-http';
import { JobSourceHistory, RecordSync } from './job-source-aggregate';
import { greenhouseBoard } from './greenhouse';
import { leverBoard } from './lever';
import { JobBoard, JobBoardError } from './port';
import { BoardJobs, syncBoard } from './sync';

/** Test seams: the clock, randomness and sleeping of the retry policy, and its numbers. */
export type BoardPolicyOverrides = Omit<BoardHttpOptions, 'timeout_ms'>;

interface Source {
  config: JobSourceConfig;
  http: BoardHttp;
  board: JobBoard;
  schedule: PeriodicSweep;
  running: Promise<SyncResult> | null;
}

/** Where syncs are recorded (the `jobsource-<uuid>` streams), so every process lists the last one. */
export interface SyncHistory {
  record(request: RecordSync): Promise<void>;
  read(source_id: string): Promise<JobSourceHistory>;
}

/** The board of a configured source, in its format, behind its own breaker. */
export function boardOf(config: JobSourceConfig, http: BoardHttp): JobBoard {
  const options = { board: config.board, company: config.company, base_url: config.base_url };
  switch (config.kind) {
    case 'greenhouse':
      return greenhouseBoard(options, http);
    case 'lever':
      return leverBoard(options, http);
    default: {
      const unknown: never = config.kind;
      throw new Error(`unknown job source kind ${String(unknown)}`);
    }
  }
}

/**
 * The configured job boards of this process: each synced every `sync_interval_minutes` (0: only
 * on demand) and on demand, never twice at a time in one process (a request during a sync
 * joins it). Every sync, finished or failed, is recorded in the source's stream.
 */
export class JobSources {
  private readonly sources = new Map<string, Source>();
  private readonly stopping = new AbortController();

  constructor(
    configs: readonly JobSourceConfig[],
    private readonly jobs: BoardJobs,
    private readonly history: SyncHistory,
    private readonly clock: Clock,
    private readonly logger: Logger,
    policy: BoardPolicyOverrides = {},
  ) {
    for (const config of configs) {
      const http = new BoardHttp({ clock, ...policy, timeout_ms: config.timeout_ms });
      const source: Source = {
        config,
        http,
        board: boardOf(config, http),
        schedule: new PeriodicSweep(() => this.scheduled(config.id)),
        running: null,
      };
      this.sources.set(config.id, source);
    }
  }

  start(): void {
    for (const source of this.sources.values()) {
      if (source.config.sync_interval_minutes > 0) source.schedule.start(source.config.sync_interval_minutes * 60_000);
    }
  }

  async stop(): Promise<void> {
    this.stopping.abort(new Error('stopping'));
    await Promise.all([...this.sources.values()].map(async (source) => {
      await source.schedule.stop();
      await source.running?.catch(() => undefined);
    }));
  }

  list(): Promise<JobSourceView[]> {
    return Promise.all(
      [...this.sources.values()].map(async ({ config, http }) => ({
        id: config.id,
        kind: config.kind,
        board: config.board,
        company: config.company,
        sync_interval_minutes: config.sync_interval_minutes,
        ...(await this.history.read(config.id)),
        breaker: http.breakerState,
      })),
    );
  }

  /** Syncs the source now (or joins the sync under way); a board that cannot be read is a 503. */
  async sync(id: string): Promise<SyncResult> {
    const source = this.sources.get(id);
    if (!source) throw new DomainError('ADMIN.NOT_FOUND', `No job source ${id} is configured`);
    try {
      return await this.run(source);
    } catch (error) {
      if (error instanceof JobBoardError) {
        const retry_after = error.retry_at && Math.max(1, Math.ceil((error.retry_at.getTime() - this.clock.now().getTime()) / 1000));
        throw new ServiceUnavailableError('job board', `job source ${id}: ${error.message}`, error, retry_after || undefined);
      }
      throw error;
    }
  }

  private run(source: Source): Promise<SyncResult> {
    source.running ??= this.syncAndRecord(source).finally(() => (source.running = null));
    return source.running;
  }

  private async syncAndRecord(source: Source): Promise<SyncResult> {
    const source_id = source.config.id;
    const started_at = this.clock.now().toISOString();
    let result: SyncResult;
    try {
      result = await syncBoard(source.config, source.board, this.jobs, () => this.clock.now(), this.stopping.signal);
    } catch (error) {
      // A sync cut short because the process stops is no failure of the board.
      if (this.stopping.signal.aborted) throw error;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ source: source_id, err: message }, 'job source sync failed');
      await this.record({ type: 'RecordSyncFailed', source_id, started_at, failed_at: this.clock.now().toISOString(), message });
      throw error;
    }
    this.logger.info({ source: source_id, ...result }, 'job source synced');
    await this.record({ type: 'RecordSynced', result });
    return result;
  }

  /** A sync that could not be recorded still happened: the failure to record is logged, not thrown. */
  private async record(request: RecordSync): Promise<void> {
    try {
      await this.history.record(request);
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.message : String(error), type: request.type }, 'could not record a job source sync');
    }
  }

  /**
   * The schedule's run: never throws (the failure is logged and listed); answers how many jobs
   * changed. Every api process runs the schedule, so a run is skipped when any process finished a
   * sync of this board less than half an interval ago (also after a restart).
   */
  private async scheduled(id: string): Promise<number> {
    const source = this.sources.get(id)!;
    try {
      const { last_sync } = await this.history.read(id);
      const interval_ms = source.config.sync_interval_minutes * 60_000;
      if (last_sync && this.clock.now().getTime() - Date.parse(last_sync.finished_at) < interval_ms / 2) return 0;
      const result = await this.run(source);
      return result.created + result.updated + result.archived;
    } catch {
      return 0;
    }
  }
}
