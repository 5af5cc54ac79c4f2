import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stage, StageOutput, STAGES } from '../../contracts/generations/events';
import { IntegrationTopics } from '../../contracts/integration';
import { Replays } from '../../src/admin/replays';
import { ConsumedMessage } from '../../src/bus/port';
import { InProcessBus } from '../../src/bus/in-process';
import { openEmbeddedEventStore } from '../../src/event-store/embedded';
import { EventStore } from '../../src/event-store/port';
import { plainSerializer } from '../../src/event-store/serializer';
import { generationAggregate } from '../../src/generations/generation-aggregate';
import { Generation } from '../../src/generations/generation-decider';
import { ProcessManager } from '../../src/generations/process-manager/process-manager';
import { EmbeddedReadStore } from '../../src/read-store/embedded';
import { EventRelay } from '../../src/relay';
import { systemClock } from '../../src/shared/clock';
import { CommandHandler } from '../../src/shared/command-handler';
import { silentLogger } from '../../src/shared/logger';
import { requested } from '../unit/generations/samples';

/**
 * Issue 13 item 6, "no generation runs twice": an admin replay re-publishes the generations'
 * whole history, one finished and one still running, onto the topic the process manager reads.
 * The bus has one partition, so once a generation requested after the replay has finished, the
 * process manager has read every replayed message before it. No stage ran again and no stream of
 * the replayed generations moved. Two things hold this: the `replay` header (the process manager
 * skips such messages: test/unit/bus/actionable.test.ts) and, beneath it, the policy and decider,
 * which act on no message twice; this test holds even without the header, so it checks the
 * outcome, not which of the two gave it.
 */
describe('an admin replay of the generations topic', () => {
  let dir: string;
  let events: EventStore;
  let bus: InProcessBus;
  let relay: EventRelay;
  let manager: ProcessManager;
  const runs: { generation_id: string; stage: Stage }[] = [];
  let release: () => void = () => undefined;
  let held: string | null = null;

  async function work(stage: Stage, generation: Generation): Promise<StageOutput> {
    runs.push({ generation_id: generation.generation_id, stage });
    if (generation.generation_id === held && stage === 'content_generation') await new Promise<void>((resolve) => (release = resolve));
    return stage === 'export_preparation' ? { formats: ['pdf'] } : {};
  }

  async function request(): Promise<string> {
    const generation_id = randomUUID();
    const { generation_id: _ignored, ...data } = requested.data;
    const now = new Date().toISOString();
    await new CommandHandler(events, plainSerializer).handle(generationAggregate, { type: 'RequestGeneration', generation_id, now, ...data }, { correlation_id: 'c', actor: data.user_id, now });
    return generation_id;
  }

  async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const status = async (id: string) => (await new CommandHandler(events, plainSerializer).load(generationAggregate.decider, `generation-${id}`)).state.status;
  const finished = (id: string) => until(`generation ${id}`, async () => (['completed', 'failed', 'cancelled'].includes(await status(id)) ? status(id) : undefined));
  const length = async (id: string) => (await events.readStream(`generation-${id}`)).length;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jobwise-replay-pm-'));
    events = await openEmbeddedEventStore(dir);
    bus = new InProcessBus({ partitions: 1 });
    relay = new EventRelay(events, bus, new EmbeddedReadStore(), silentLogger());
    await relay.start();
    manager = new ProcessManager(bus, new CommandHandler(events, plainSerializer), work, systemClock, silentLogger(), { duration_scale: 0 });
    await manager.start();
  });
  afterAll(async () => {
    release();
    await manager?.stop();
    await relay?.stop();
    await bus?.close();
    await events?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs no stage again, for a finished generation or one still running', async () => {
    const done = await request();
    expect(await finished(done)).toBe('completed');
    const running = await request();
    held = running;
    await until('the running generation to reach content generation', async () => (runs.some((r) => r.generation_id === running && r.stage === 'content_generation') ? true : undefined));
    const before = { done: await length(done), runs: runs.length };

    // What an analytics team would see: the replayed messages, marked as such.
    const seen: ConsumedMessage[] = [];
    const probe = await bus.subscribe({ group_id: `probe-${randomUUID()}`, topics: [IntegrationTopics.generations], from_beginning: true, handler: async (m) => void seen.push(m) });
    const replays = new Replays({ events, serializer: plainSerializer, bus, clock: systemClock, readStore: new EmbeddedReadStore() });
    const replay = await replays.start({ stream_prefix: 'generation-', topic: IntegrationTopics.generations });
    const replayed = await until('the replay', async () => {
      const now = await replays.get(replay.replay_id);
      return now.status === 'running' ? undefined : now;
    });
    expect(replayed).toMatchObject({ status: 'completed', error: null });
    expect(replayed.published).toBeGreaterThanOrEqual(before.done + 3);
    await until('the replayed messages', async () => (seen.filter((m) => m.headers.replay_id === replay.replay_id).length === replayed.published ? true : undefined));
    await probe.stop();

    release();
    expect(await finished(running)).toBe('completed');
    // Requested after the replay: on the one partition its messages come after the replayed ones.
    const after = await request();
    expect(await finished(after)).toBe('completed');

    expect(await length(done)).toBe(before.done);
    for (const id of [done, running, after]) expect(runs.filter((r) => r.generation_id === id).map((r) => r.stage)).toEqual(STAGES);
    expect(runs.length).toBe(before.runs + (STAGES.length - STAGES.indexOf('content_generation') - 1) + STAGES.length);
  });
});
