import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProfileCreateRequest } from '../../contracts/profiles/requests';
import { CHECKPOINTS_COLLECTION, CheckpointStore } from '../../src/read-store/checkpoints';
import { auditProjection } from '../../projections/audit';
import { profilesProjection } from '../../projections/profiles';
import { FAILURES_COLLECTION, ProjectionRunner } from '../../src/projector/projection-runner';
import { openEmbeddedEventStore } from '../../src/event-store/embedded';
import { EventStore, SubscribeToAllOptions } from '../../src/event-store/port';
import { serializeEvent } from '../../src/event-store/serializer';
import { EmbeddedReadStore } from '../../src/read-store/embedded';
import { ReadStore } from '../../src/read-store/port';
import { silentLogger } from '../../src/shared/logger';
import { experienceBody, profileBody } from '../support/fixtures';

const meta = { correlation_id: 'test', causation_id: null, actor: null, occurred_at: '2026-11-24T10:00:00.000Z' };
const parsed = ProfileCreateRequest.parse(profileBody({ experiences: [] }));
const input = {
  ...parsed,
  experiences: [],
  education: parsed.education.map((e) => ({ ...e, id: randomUUID() })),
  projects: parsed.projects.map((p) => ({ ...p, id: randomUUID() })),
};

let dir: string;
let events: EventStore;
let readStore: ReadStore;
const runners: ProjectionRunner[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jobwise-runner-'));
  events = await openEmbeddedEventStore(dir);
  readStore = new EmbeddedReadStore();
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
  await events.close();
  rmSync(dir, { recursive: true, force: true });
});

function runner(store: EventStore = events) {
  const r = new ProjectionRunner(profilesProjection as never, store, readStore, silentLogger());
  runners.push(r);
  return r;
}

async function givenProfileWithExperience() {
  const profile_id = randomUUID();
  const user_id = randomUUID();
  const experience = { ...ProfileCreateRequest.shape.experiences.parse([experienceBody()])[0], id: randomUUID() };
  const result = await events.appendToStream(
    `profile-${profile_id}`,
    [
      serializeEvent({ type: 'ProfileCreated', data: { profile_id, user_id, ...input } }, meta),
      serializeEvent({ type: 'ExperienceAdded', data: { experience } }, meta),
    ],
    'no_stream',
  );
  return { profile_id, position: result.position };
}

const profiles = () => readStore.collection<{ _id: string; experiences: unknown[]; version: number }>('profiles_v1');

describe('projection runner', () => {
  it('catches up from the start and turns live', async () => {
    const { profile_id, position } = await givenProfileWithExperience();
    const r = runner();
    await r.start();
    await r.waitFor(position);
    expect((await profiles().get(profile_id))?.experiences).toHaveLength(1);

    const later = await givenProfileWithExperience();
    await r.waitFor(later.position);
    expect(await profiles().get(later.profile_id)).not.toBeNull();
    expect(r.snapshot()).toMatchObject({ state: 'live', events_applied: 4, events_failed: 0 });
  });

  it('replayed events change nothing', async () => {
    const { profile_id, position } = await givenProfileWithExperience();
    const first = runner();
    await first.start();
    await first.waitFor(position);
    const before = await profiles().get(profile_id);
    await first.stop();

    // Forget the checkpoint: a second runner replays every event over the same documents.
    await readStore.collection(CHECKPOINTS_COLLECTION).delete(profilesProjection.name);
    const second = runner();
    await second.start();
    await second.waitFor(position);
    expect(await profiles().get(profile_id)).toEqual(before);
    expect(second.snapshot().events_applied).toBe(0);
  });

  it('given a projection with a document per event (the audit trail), when its events are replayed, then each document is written once and keeps no revisions', async () => {
    const { position } = await givenProfileWithExperience();
    const audit = () => new ProjectionRunner(auditProjection as never, events, readStore, silentLogger());
    const first = audit();
    runners.push(first);
    await first.start();
    await first.waitFor(position);
    const entries = await readStore.collection(auditProjection.collection).find({}, { sort: { position: 1 } });
    expect(entries.map((entry) => entry.event_type)).toEqual(['ProfileCreated', 'ExperienceAdded']);
    expect(entries.every((entry) => !('_applied' in entry))).toBe(true);
    await first.stop();

    await readStore.collection(CHECKPOINTS_COLLECTION).delete(auditProjection.name);
    const second = audit();
    runners.push(second);
    await second.start();
    await second.waitFor(position);
    expect(await readStore.collection(auditProjection.collection).find({}, { sort: { position: 1 } })).toEqual(entries);
    expect(second.snapshot().events_applied).toBe(0);
  });

  it('given an event whose data breaks its schema, when the audit trail (which reads only envelopes) projects it, then it is recorded there, as it is in the log', async () => {
    const bad = await events.appendToStream(
      `profile-${randomUUID()}`,
      [{ event_id: randomUUID(), type: 'ProfileCreated', data: { nonsense: true }, metadata: { ...meta, schema_version: 1 } }],
      'no_stream',
    );
    const audit = new ProjectionRunner(auditProjection as never, events, readStore, silentLogger());
    runners.push(audit);
    await audit.start();
    await audit.waitFor(bad.position);

    expect(await readStore.collection(auditProjection.collection).find({})).toEqual([expect.objectContaining({ event_type: 'ProfileCreated', position: bad.position, correlation_id: 'test' })]);
    expect(audit.snapshot()).toMatchObject({ events_applied: 1, events_failed: 0 });
  });

  it('keeps a checkpoint that never moves backwards', async () => {
    const checkpoints = new CheckpointStore(readStore);
    await checkpoints.save('x', '0000000000000005');
    await checkpoints.save('x', '0000000000000003');
    expect(await checkpoints.load('x')).toBe('0000000000000005');
  });

  it('records a bad event, skips it and goes on', async () => {
    const bad = await events.appendToStream(
      `profile-${randomUUID()}`,
      [{ event_id: randomUUID(), type: 'ProfileCreated', data: { nonsense: true }, metadata: { ...meta, schema_version: 1 } }],
      'no_stream',
    );
    const { profile_id, position } = await givenProfileWithExperience();
    const r = runner();
    await r.start();
    await r.waitFor(position);
    expect(await profiles().get(profile_id)).not.toBeNull();
    expect(r.snapshot().events_failed).toBe(1);
    const [failure] = await readStore.collection(FAILURES_COLLECTION).find({ position: bad.position });
    expect(failure).toMatchObject({ projection: 'profiles_v1', event_type: 'ProfileCreated' });
  });

  it('resubscribes from its checkpoint when the subscription drops', async () => {
    let drops = 0;
    // The real store, with a subscription that fails once while delivering its second event.
    const flaky: EventStore = Object.create(events, {
      subscribeToAll: {
        value: (options: SubscribeToAllOptions) => {
          let delivered = 0;
          return events.subscribeToAll({
            ...options,
            on_event: async (event) => {
              if (drops === 0 && ++delivered === 2) {
                drops++;
                throw new Error('connection reset');
              }
              await options.on_event(event);
            },
          });
        },
      },
    });
    const { profile_id, position } = await givenProfileWithExperience();
    const r = runner(flaky);
    await r.start();
    await r.waitFor(position);
    expect(drops).toBe(1);
    expect((await profiles().get(profile_id))?.experiences).toHaveLength(1);
  });

  it('retries when the read store fails instead of skipping the event', async () => {
    const { profile_id, position } = await givenProfileWithExperience();
    const collection = readStore.collection('profiles_v1');
    const upsert = collection.upsert.bind(collection);
    let failures = 0;
    const original = readStore.collection.bind(readStore);
    readStore.collection = ((name: string) => {
      const c = original(name);
      if (name !== 'profiles_v1') return c;
      return Object.assign(Object.create(c), {
        upsert: async (doc: never) => {
          if (failures++ === 0) throw new Error('read store unavailable');
          return upsert(doc);
        },
      });
    }) as typeof readStore.collection;
    const r = runner();
    await r.start();
    await r.waitFor(position);
    expect((await profiles().get(profile_id))?.experiences).toHaveLength(1);
    expect(r.snapshot().events_failed).toBe(0);
  });
});
