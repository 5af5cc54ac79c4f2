import { STAGE_SECONDS, Stage, StageOutput } from '../../../contracts/generations/events';
import { IntegrationTopics } from '../../../contracts/integration';
import { GenerationIntegrationEvent } from '../../../contracts/integration/generations';
import { actionable } from '../../bus/actionable';
import { ConsumedMessage, Consumer, Delivery, MessageBus } from '../../bus/port';
import { Clock } from '../../shared/clock';
import { CommandContext, CommandHandler } from '../../shared/command-handler';
import { Logger } from '../../shared/logger';
import { streamName } from '../../shared/streams';
import { generationAggregate } from '../generation-aggregate';
import { Generation } from '../generation-decider';
import { react, Reaction } from './policy';

export const PROCESS_MANAGER_ACTOR = 'system:process-manager';
/** How often a running stage tells the broker the process manager is alive (well inside the 30 s session timeout). */
const HEARTBEAT_MS = 3_000;
const NO_SESSION: Delivery = { heartbeat: async () => undefined };

/** Runs one stage's work; a failure the user can read carries `reason` and whether another attempt may help. */
export type StageWork = (stage: Stage, generation: Generation, signal: AbortSignal) => Promise<StageOutput>;

export interface ProcessManagerOptions {
  /** GENERATION_STAGE_DURATION_SCALE: the spec's simulated stage durations (and retry pauses) times this; 0 = none. */
  duration_scale: number;
  /** PROCESS_MANAGER_GROUP: every process-manager process of a deployment joins it; the bus gives each generation's messages to one of them. */
  group_id?: string;
  /** How often a running stage heartbeats (default 3 s). */
  heartbeat_ms?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * The generation pipeline's process manager (design card): a thin adapter around the pure
 * policy. For each message of `jobwise.generations.v1` it parses, loads the generation, reacts,
 * and carries the reactions out (handle a command, run a stage, wait); the bus commits the
 * message only after that, so a process killed mid-stage gets the message again and re-runs
 * the stage whose result was never recorded. Messages of one generation share a key, hence a
 * partition, hence one process at a time.
 */
export class ProcessManager {
  private consumer: Consumer | null = null;
  private readonly stopping = new AbortController();
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;

  constructor(
    private readonly bus: MessageBus,
    private readonly commands: CommandHandler,
    private readonly work: StageWork,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: ProcessManagerOptions,
  ) {
    this.sleep = options.sleep ?? abortableSleep;
  }

  async start(): Promise<void> {
    await this.bus.ensureTopics([IntegrationTopics.generations]);
    this.consumer = await this.bus.subscribe({
      group_id: this.options.group_id ?? 'jobwise-process-manager',
      topics: [IntegrationTopics.generations],
      from_beginning: true,
      handler: (message, delivery) => this.handle(message, delivery),
    });
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.consumer?.stop();
    this.consumer = null;
  }

  /** Parse, load, react, act. An unparseable message is logged and dropped (it can never be acted on). */
  async handle(message: ConsumedMessage, delivery: Delivery = NO_SESSION): Promise<void> {
    const event = actionable(message, GenerationIntegrationEvent, () =>
      this.logger.warn({ topic: message.topic, offset: message.offset, event_type: message.headers.event_type }, 'process manager: not a generation event; skipped'),
    );
    if (!event) return;
    const stream_id = streamName('generation', event.data.generation_id);
    const { state } = await this.commands.load(generationAggregate.decider, stream_id);
    const context: CommandContext = { correlation_id: event.correlation_id, causation_id: event.event_id, actor: PROCESS_MANAGER_ACTOR, now: this.clock.now().toISOString() };
    for (const reaction of react(event, state, context.now)) {
      this.throwIfStopping();
      await this.carryOut(reaction, stream_id, context, delivery);
    }
  }

  /** Stopping mid-message fails it, so the bus does not commit it: it is delivered again after a restart. */
  private throwIfStopping(): void {
    if (this.stopping.signal.aborted) throw new Error('The process manager is stopping; the message will be delivered again');
  }

  private async carryOut(reaction: Reaction, stream_id: string, context: CommandContext, delivery: Delivery): Promise<void> {
    switch (reaction.type) {
      case 'handle':
        await this.commands.handle(generationAggregate, reaction.command, context);
        return;
      case 'wait':
        await this.sleep(reaction.ms * this.options.duration_scale, this.stopping.signal);
        return;
      case 'run_stage':
        await this.whileAlive(delivery, () => this.runStage(reaction.stage, reaction.attempt, stream_id, context));
    }
  }

  /**
   * Keeps the consumer's session alive while `work` runs (an LLM call with retries can outlast
   * the session timeout, and the broker would give the partition, and the message, to another
   * process manager). A failed heartbeat (a rebalance) is left to the bus.
   */
  private async whileAlive<T>(delivery: Delivery, work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => void delivery.heartbeat().catch(() => undefined), this.options.heartbeat_ms ?? HEARTBEAT_MS);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  /** Runs a stage for at least its simulated duration and records what came of it. */
  private async runStage(stage: Stage, attempt: number, stream_id: string, context: CommandContext): Promise<void> {
    const { state } = await this.commands.load(generationAggregate.decider, stream_id);
    if (state.status !== 'running') return;
    const started = this.clock.now().getTime();
    const simulated = this.sleep(STAGE_SECONDS[stage] * 1000 * this.options.duration_scale, this.stopping.signal);
    let outcome: { output: StageOutput } | { reason: string; retryable: boolean };
    try {
      outcome = { output: await this.work(stage, state, this.stopping.signal) };
      const fits = StageOutput.safeParse(outcome.output);
      if (!fits.success) {
        this.logger.error({ stage, generation_id: state.generation_id, issues: fits.error.issues.map((issue) => issue.path.join('.')) }, 'process manager: stage output does not fit its contract');
        outcome = { reason: 'The written content did not fit the document model', retryable: false };
      }
    } catch (error) {
      outcome = failureOf(error) ?? { reason: 'Something went wrong on our side while running this stage', retryable: true };
      if (!failureOf(error)) this.logger.error({ err: error, stage, generation_id: state.generation_id }, 'process manager: stage failed unexpectedly');
    }
    await simulated;
    this.throwIfStopping();
    const now = this.clock.now();
    const base = { generation_id: state.generation_id, now: now.toISOString(), stage, attempt };
    const command =
      'output' in outcome
        ? { ...base, type: 'CompleteStage' as const, duration_ms: Math.max(0, now.getTime() - started), output: outcome.output }
        : { ...base, type: 'FailStage' as const, reason: outcome.reason, retryable: outcome.retryable };
    await this.commands.handle(generationAggregate, command, { ...context, now: base.now });
  }
}

/** A stage failure the user can read (it has `reason` and `retryable`); null for a fault on our side, which is worth another attempt. */
function failureOf(error: unknown): { reason: string; retryable: boolean } | null {
  const { reason, retryable } = (error ?? {}) as { reason?: unknown; retryable?: unknown };
  return typeof reason === 'string' && typeof retryable === 'boolean' ? { reason: reason.slice(0, 1000), retryable } : null;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
