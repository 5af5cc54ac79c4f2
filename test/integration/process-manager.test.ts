import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stage, StageOutput, STAGES } from '../../contracts/generations/events';
import { IntegrationTopics } from '../../contracts/integration';
import { InProcessBus } from '../../src/bus/in-process';
import { openEmbeddedEventStore } from '../../src/event-store/embedded';
import { EventStore } from '../../src/event-store/port';
import { plainSerializer } from '../../src/event-store/serializer';
import { generationAggregate } from '../../src/generations/generation-aggregate';
import { Generation } from '../../src/generations/generation-decider';
import { ProcessManager } from '../../src/generations/process-manager/process-manager';
import { EmbeddedReadStore } from '../../src/read-store/embedded';
import { EventRelay } from '../../src/relay';
import { toBusMessage, toIntegrationEvent } from '../../src/relay/mapping';
import { systemClock } from '../../src/shared/clock';
import { CommandHandler } from '../../src/shared/command-handler';
import { silentLogger } from '../../src/shared/logger';
import { requested } from '../unit/generations/samples';

/**
 * The process manager on the embedded adapters with the real relay between the event store and
 * the bus, and a scripted stage worker that counts every run.
 */
describe('generation process manager', () => {
  let dir: string;
  let events: EventStore;
  let bus: InProcessBus;
  let relay: EventRelay;
  let commands: CommandHandler;
  const managers: ProcessManager[] = [];
  const runs: { generation_id: string; stage: Stage; attempt: number }[] = [];
  /** Per generation: how many times each stage fails (retryably) before it succeeds. */
  const failures = new Map<string, Partial<Record<Stage, number>>>();

  async function work(stage: Stage, generation: Generation): Promise<StageOutput> {
    const attempt = generation.stages[stage].attempt;
    runs.push({ generation_id: generation.generation_id, stage, attempt });
    const failing = failures.get(generation.generation_id)?.[stage] ?? 0;
    if (attempt <= failing) throw Object.assign(new Error('down'), { reason: 'The writing service is temporarily unavailable', retryable: true });
    return stage === 'export_preparation' ? { formats: ['pdf'] } : {};
  }

  const manager = () => {
    const pm = new ProcessManager(bus, new CommandHandler(events, plainSerializer), work, systemClock, silentLogger(), { duration_scale: 0 });
    managers.push(pm);
    return pm;
  };

  async function request(): Promise<string> {
    const generation_id = randomUUID();
    const { generation_id: _ignored, ...data } = requested.data;
    await commands.handle(generationAggregate, { type: 'RequestGeneration', generation_id, now: new Date().toISOString(), ...data }, { correlation_id: 'c', actor: data.user_id, now: new Date().toISOString() });
    return generation_id;
  }

  async function finished(generation_id: string, timeout_ms = 10_000) {
    const deadline = Date.now() + timeout_ms;
    for (;;) {
      const { state } = await new CommandHandler(events, plainSerializer).load(generationAggregate.decider, `generation-${generation_id}`);
      if (state.status === 'completed' || state.status === 'failed' || state.status === 'cancelled') return state;
      if (Date.now() > deadline) throw new Error(`generation ${generation_id} is still ${state.status}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jobwise-pm-'));
    events = await openEmbeddedEventStore(dir);
    bus = new InProcessBus();
    relay = new EventRelay(events, bus, new EmbeddedReadStore(), silentLogger());
    commands = new CommandHandler(events, plainSerializer);
    runs.length = 0;
    failures.clear();
    await relay.start();
  });
  afterEach(async () => {
    for (const pm of managers.splice(0)) await pm.stop();
    await relay.stop();
    await bus.close();
    await events.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the five stages in order, once each, and completes', async () => {
    await manager().start();
    const id = await request();
    const state = await finished(id);
    expect(state.status).toBe('completed');
    expect(runs.filter((run) => run.generation_id === id).map((run) => run.stage)).toEqual(STAGES);
    const types = (await events.readStream(`generation-${id}`)).map((event) => event.type);
    expect(types.filter((type) => type === 'GenerationStageCompleted')).toHaveLength(5);
    expect(types.at(-1)).toBe('GenerationCompleted');
  });

  it('retries a failing stage with a new attempt and completes; a third failure fails the generation with a readable reason', async () => {
    await manager().start();
    const recovers = await request();
    failures.set(recovers, { content_generation: 2 });
    const gives_up = await request();
    failures.set(gives_up, { quality_validation: 3 });
    expect((await finished(recovers)).status).toBe('completed');
    const failed = await finished(gives_up);
    expect(failed.status).toBe('failed');
    if (failed.status !== 'failed') return;
    expect(failed.failure).toEqual({ stage: 'quality_validation', reason: 'Quality validation failed (after 3 attempts): The writing service is temporarily unavailable' });
    expect(runs.filter((run) => run.generation_id === recovers && run.stage === 'content_generation').map((run) => run.attempt)).toEqual([1, 2, 3]);
    expect(runs.some((run) => run.generation_id === gives_up && run.stage === 'export_preparation')).toBe(false);
  });

  it('acts on nothing twice: every message delivered again changes no stream and runs no stage', async () => {
    await manager().start();
    const ids = await Promise.all(Array.from({ length: 5 }, () => request()));
    for (const id of ids) await finished(id);
    const before = await Promise.all(ids.map(async (id) => (await events.readStream(`generation-${id}`)).length));
    const runsBefore = runs.length;

    // Every message of the topic again, as a broker redelivering after a rebalance would.
    const again = (await events.readAll()).filter((event) => event.stream_id.startsWith('generation-'));
    const messages = await Promise.all(again.map(async (event) => toBusMessage(toIntegrationEvent(await plainSerializer.deserialize(event))!, event.position)));
    await bus.publish(IntegrationTopics.generations, messages);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const after = await Promise.all(ids.map(async (id) => (await events.readStream(`generation-${id}`)).length));
    expect(after).toEqual(before);
    expect(runs.length).toBe(runsBefore);
  });

  it('keeps its consumer session alive while a slow stage runs (heartbeats), and not after', async () => {
    let beats = 0;
    const slow = new ProcessManager(
      bus,
      new CommandHandler(events, plainSerializer),
      async (stage, generation) => {
        if (stage === 'content_generation') await new Promise((resolve) => setTimeout(resolve, 250));
        return work(stage, generation);
      },
      systemClock,
      silentLogger(),
      { duration_scale: 0, heartbeat_ms: 20 },
    );
    const id = await request();
    const { state } = await commands.load(generationAggregate.decider, `generation-${id}`);
    const message = (event_type: string, data: Record<string, unknown>) => ({
      topic: IntegrationTopics.generations,
      partition: 0,
      offset: '0',
      key: `generation-${id}`,
      headers: {},
      value: { event_id: randomUUID(), event_type, schema_version: 1, occurred_at: new Date().toISOString(), correlation_id: 'c', source_stream: `generation-${id}`, source_revision: 0, data: { generation_id: id, ...data } },
    });
    expect(state.status).toBe('pending');
    const delivery = { heartbeat: async () => void beats++ };
    for (const stage of STAGES.slice(0, 3)) {
      await slow.handle(message(stage === 'job_analysis' ? 'generation.requested' : 'generation.stage_completed', stage === 'job_analysis' ? { user_id: requested.data.user_id, kind: 'resume', profile_id: requested.data.profile_id, job_id: requested.data.job_id, parent_id: null } : { stage: STAGES[STAGES.indexOf(stage) - 1], attempt: 1, duration_ms: 1 }), delivery);
      const before = beats;
      await slow.handle(message('generation.stage_started', { stage, attempt: 1 }), delivery);
      if (stage === 'content_generation') expect(beats - before).toBeGreaterThanOrEqual(5);
      else expect(beats - before).toBeLessThanOrEqual(1);
    }
    const after = beats;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(beats).toBe(after);
  });

  it('shares the work between two process managers in one group, each generation completed exactly once', async () => {
    await manager().start();
    await manager().start();
    const ids = await Promise.all(Array.from({ length: 12 }, () => request()));
    for (const id of ids) expect((await finished(id)).status).toBe('completed');
    for (const id of ids) {
      const stages = runs.filter((run) => run.generation_id === id).map((run) => run.stage);
      expect(stages).toEqual(STAGES);
    }
  });
});
