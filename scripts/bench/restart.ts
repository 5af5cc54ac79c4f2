import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allProjections } from '../../projections';
import { embeddedReadStore, openKeyStore } from '../../src/adapters';
import { loadConfig } from '../../src/config';
import { INDEX_FILE_NAME, LOG_FILE_NAME, openEmbeddedEventStore } from '../../src/event-store/embedded';
import { FILE_MAGIC, parsePayload, scanRecordAt } from '../../src/event-store/embedded/record-codec';
import { EventSerializer } from '../../src/event-store/serializer';
import { ProjectionRunner } from '../../src/projector/projection-runner';
import { EmbeddedReadStore } from '../../src/read-store/embedded';
import { silentLogger } from '../../src/shared/logger';
import { DomainEvent } from '../../contracts/events';
import { ExperienceEntitySchema, PersonalInfoSchema, SkillsSchema } from '../../contracts/profiles/entities';

/**
 * Restarts at scale (issue 12): a log of N profile events (100 per profile: created, experiences
 * added and edited, skills and personal info updated; every personal field encrypted as the app
 * writes it), then
 *   - a full rebuild in this process: every projection from the first event, events/s;
 *   - the built app (`dist/src/main.js`, all roles) started as an OS process with no snapshot,
 *     then again after a clean shutdown (SIGTERM writes the snapshot): time from spawn until
 *     `GET /health/ready` answers 200, and RSS once idle.
 */
const MAIN = join(__dirname, '../../src/main.js');
const JWT_SECRET = 'bench-secret-of-sufficient-length';
const EVENTS_PER_PROFILE = 100;
const IDLE_MS = 3_000;

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MB`;

export async function restartFigures(sizes: readonly number[]): Promise<void> {
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'jobwise-bench-restart-'));
    try {
      const seeded = await seed(dir, size);
      console.log(`restart at ${fmt(seeded)} events (${fmt(seeded / EVENTS_PER_PROFILE)} profiles × ${EVENTS_PER_PROFILE}):`);
      await rebuild(dir, seeded);
      const first = await startUntilReady(dir);
      console.log(`  first start (no snapshot):      ready in ${fmt(first.ready_ms)} ms (CPU ${fmt(first.cpu_ms)} ms), RSS idle ${mb(first.rss)}, clean shutdown ${fmt(first.shutdown_ms)} ms`);
      const again = await startUntilReady(dir);
      console.log(`  start after a clean shutdown:   ready in ${fmt(again.ready_ms)} ms (CPU ${fmt(again.cpu_ms)} ms), RSS idle ${mb(again.rss)}  (goals: < 3,000 ms at 300k, < 300 MB)`);
    } catch (error) {
      // A start that fails is a figure too (e.g. a start-up wait that a slow catch-up outlasts).
      console.log(`  restart at ${fmt(size)} events failed: ${(error as Error).message}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

function config(dir: string) {
  return loadConfig({ DATA_DIR: dir, JWT_SECRET });
}

async function serializerFor(dir: string): Promise<EventSerializer> {
  return new EventSerializer(await openKeyStore(config(dir), new EmbeddedReadStore(), JWT_SECRET, silentLogger()));
}

/** Appends profile histories with 64 writers, one event per append as the app does. */
export async function seed(dir: string, size: number): Promise<number> {
  const store = await openEmbeddedEventStore(join(dir, 'events'));
  const serializer = await serializerFor(dir);
  const profiles = Math.max(1, Math.round(size / EVENTS_PER_PROFILE));
  let next = 0;
  const writer = async () => {
    for (let i = next++; i < profiles; i = next++) {
      const stream = `profile-${randomUUID()}`;
      const history = profileHistory(stream.slice('profile-'.length), randomUUID());
      for (let revision = 0; revision < history.length; revision++) {
        const metadata = { correlation_id: randomUUID(), causation_id: null, actor: null, occurred_at: new Date().toISOString() };
        await store.appendToStream(stream, [await serializer.serialize(history[revision], metadata)], revision === 0 ? 'no_stream' : revision - 1);
      }
    }
  };
  await Promise.all(Array.from({ length: 64 }, writer));
  const head = Number(await store.headPosition());
  await store.close();
  return head;
}

function profileHistory(profile_id: string, user_id: string): DomainEvent[] {
  const experience = (i: number, id: string) =>
    ExperienceEntitySchema.parse({ id, title: `Engineer ${i}`, company: `Company ${i}`, start_date: '2020-01', description: 'Built and ran services in TypeScript and Go.', achievements: ['Cut latency by 40%'] });
  const ids = Array.from({ length: 5 }, () => randomUUID());
  const events: DomainEvent[] = [
    {
      type: 'ProfileCreated',
      data: { profile_id, user_id, personal_info: PersonalInfoSchema.parse({ full_name: 'Bench Person', email: 'bench@example.com' }), professional_summary: 'Engineer.', experiences: [], education: [], projects: [], skills: SkillsSchema.parse({}) },
    },
    ...ids.map((id, i): DomainEvent => ({ type: 'ExperienceAdded', data: { experience: experience(i, id) } })),
  ];
  for (let i = events.length; i < EVENTS_PER_PROFILE; i++) {
    events.push(
      i % 2 === 0
        ? { type: 'ExperienceUpdated', data: { experience: experience(i, ids[i % ids.length]) } }
        : { type: 'SkillsUpdated', data: { skills: SkillsSchema.parse({ technical: ['TypeScript', 'Go', `Skill ${i % 20}`], soft: ['Mentoring'] }) } },
    );
  }
  return events;
}

/** Every projection from the first event into an empty store: opening the log, then the rebuild. */
async function rebuild(dir: string, events: number): Promise<void> {
  let started = Date.now();
  const indexed = await openEmbeddedEventStore(join(dir, 'events'));
  const indexed_ms = Date.now() - started;
  const covered = indexed.saved_index_events;
  await indexed.close();
  // The same log without the index its clean close saved: every record is checked. That index
  // is put back after, as a clean close leaves it (with every event's type, which lets each
  // projection pass over the events it does not take without reading them).
  const indexFile = join(dir, 'events', INDEX_FILE_NAME);
  await rename(indexFile, `${indexFile}.aside`);
  started = Date.now();
  const scanned = await openEmbeddedEventStore(join(dir, 'events'));
  const replay_ms = Date.now() - started;
  await scanned.close();
  await rename(`${indexFile}.aside`, indexFile);
  const store = await openEmbeddedEventStore(join(dir, 'events'));
  const serializer = await serializerFor(dir);
  const readStore = embeddedReadStore(allProjections);
  const runners = allProjections.map((projection) => new ProjectionRunner(projection, store, readStore, silentLogger(), serializer));
  started = Date.now();
  await Promise.all(runners.map((runner) => runner.start()));
  while (!runners.every((runner) => runner.ready)) await new Promise((resolve) => setTimeout(resolve, 5));
  const rebuild_ms = Date.now() - started;
  await Promise.all(runners.map((runner) => runner.stop()));
  // One projection rebuilt alone, as after a new version of it: one that takes none of these events.
  const alone = allProjections.find((projection) => projection.name === 'users_v1')!;
  const single = new ProjectionRunner(alone, store, embeddedReadStore([alone]), silentLogger(), serializer);
  started = Date.now();
  await single.start();
  while (!single.ready) await new Promise((resolve) => setTimeout(resolve, 5));
  const single_ms = Date.now() - started;
  await single.stop();
  await store.close();
  const floors = await readingFloors(dir);
  console.log(`  floor: every record checksummed and JSON-parsed once: ${fmt(floors.parse_ms)} ms (${fmt(events / (floors.parse_ms / 1000))} events/s)`);
  console.log(`  floor: every event read through the store once:     ${fmt(floors.read_ms)} ms (${fmt(events / (floors.read_ms / 1000))} events/s: checksums, decoding, freezing)`);
  console.log(`  log open, saved index:          ${fmt(indexed_ms)} ms (${fmt(covered)} of ${fmt(events)} events from the index saved at the last clean close)`);
  console.log(`  log open, every record checked: ${fmt(replay_ms)} ms (${fmt(events / (replay_ms / 1000))} events/s, no decoding)`);
  console.log(`  full rebuild (${runners.length} projections):   ${fmt(rebuild_ms)} ms, ${fmt(events / (rebuild_ms / 1000))} events/s through all of them  (goal ≥ 100,000)`);
  console.log(`  rebuild of ${alone.name} alone:       ${fmt(single_ms)} ms (a new version of a projection that takes none of these events: they are passed over unread)`);
  // Events are decoded while the projectors read them, no longer at open: the sum is the fair comparison with an older build.
  console.log(`  log open + full rebuild:        ${fmt(replay_ms + rebuild_ms)} ms, ${fmt(events / ((replay_ms + rebuild_ms) / 1000))} events/s`);
}

/**
 * What any full rebuild pays before a projection does anything: checking every record of the log
 * against its checksum and JSON-parsing it once (the file read beforehand, untimed), and reading every event once through the store
 * (pages of 4,096, as a lone catch-up does). The rebuild's events/s cannot exceed the first.
 */
async function readingFloors(dir: string): Promise<{ parse_ms: number; read_ms: number }> {
  const bytes = await readFile(join(dir, 'events', LOG_FILE_NAME));
  let started = Date.now();
  for (let offset = FILE_MAGIC.length; offset < bytes.length; ) {
    const scanned = scanRecordAt(bytes, offset);
    if (scanned.kind !== 'record' || !parsePayload(scanned.payload)) throw new Error(`unreadable record at byte ${offset}`);
    offset = scanned.next;
  }
  const parse_ms = Date.now() - started;
  const store = await openEmbeddedEventStore(join(dir, 'events'));
  started = Date.now();
  for (let after = ''; ; ) {
    const page = await store.readAll({ after_position: after, max_count: 4_096 });
    if (page.length === 0) break;
    after = page[page.length - 1]!.position;
  }
  const read_ms = Date.now() - started;
  await store.close();
  return { parse_ms, read_ms };
}

/** Spawns the built app on `dir`, times it until ready, reads its RSS once idle, and stops it with SIGTERM. */
async function startUntilReady(dir: string): Promise<{ ready_ms: number; cpu_ms: number; rss: number; shutdown_ms: number }> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', JWT_SECRET, LOG_LEVEL: 'warn', READ_MODEL_SNAPSHOT_INTERVAL_MS: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} before it was ready: ${stderr.trim()}`);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const ready_ms = Date.now() - started;
    const cpu_ms = cpuOf(child.pid!);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const rss = rssOf(child.pid!);
    const stopping = Date.now();
    child.kill('SIGTERM');
    await exited;
    return { ready_ms, cpu_ms, rss, shutdown_ms: Date.now() - stopping };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** CPU time the process used so far (user + system; clock ticks at the usual 100 Hz): a figure that load on a shared machine distorts less than wall time. */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) * 1024;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
