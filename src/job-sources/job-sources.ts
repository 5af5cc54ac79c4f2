import { JobSourceView, SyncResult } from '../../contracts/job-sources/http';
import { JobSourceConfig } from '../../contracts/job-sources/source';
import { Clock } from '../shared/clock';
import { DomainError, ServiceUnavailableError } from '../shared/errors';
import { Logger } from '../shared/logger';
import { PeriodicSweep } from '../shared/periodic-sweep';
import { BoardHttp, BoardHttpOptions } from './board-http';
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
  last_sync: SyncResult | null;
  last_failure: { at: string; message: string } | null;
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
 * on demand) and on demand, never twice at a time (a request during a sync joins it). What the
 * last sync did is kept in memory, per process.
 */
export class JobSources {
  private readonly sources = new Map<string, Source>();
  private readonly stopping = new AbortController();

  constructor(
    configs: readonly JobSourceConfig[],
    private readonly jobs: BoardJobs,
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
        last_sync: null,
        last_failure: null,
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

  list(): JobSourceView[] {
    return [...this.sources.values()].map(({ config, http, last_sync, last_failure }) => ({
      id: config.id,
      kind: config.kind,
      board: config.board,
      company: config.company,
      sync_interval_minutes: config.sync_interval_minutes,
      last_sync,
      last_failure,
      breaker: http.breakerState,
    }));
  }

  /** Syncs the source now (or joins the sync under way); a board that cannot be read is a 503. */
  async sync(id: string): Promise<SyncResult> {
    const source = this.sources.get(id);
    if (!source) throw new DomainError('ADMIN.NOT_FOUND', `No job source ${id} is configured`);
    try {
      return await this.run(source);
    } catch (error) {
      if (error instanceof JobBoardError) throw new ServiceUnavailableError('job board', `job source ${id}: ${error.message}`, error);
      throw error;
    }
  }

  private run(source: Source): Promise<SyncResult> {
    source.running ??= syncBoard(source.config, source.board, this.jobs, () => this.clock.now(), this.stopping.signal)
      .then(
        (result) => {
          source.last_sync = result;
          source.last_failure = null;
          this.logger.info({ source: source.config.id, ...result }, 'job source synced');
          return result;
        },
        (error: unknown) => {
          source.last_failure = { at: this.clock.now().toISOString(), message: error instanceof Error ? error.message : String(error) };
          this.logger.warn({ source: source.config.id, err: source.last_failure.message }, 'job source sync failed');
          throw error;
        },
      )
      .finally(() => (source.running = null));
    return source.running;
  }

  /** The schedule's run: never throws (the failure is logged and listed); answers how many jobs changed. */
  private async scheduled(id: string): Promise<number> {
    const source = this.sources.get(id)!;
    try {
      const result = await this.run(source);
      return result.created + result.updated + result.archived;
    } catch {
      return 0;
    }
  }
}
