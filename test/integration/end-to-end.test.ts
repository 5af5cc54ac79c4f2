import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { IntegrationTopics } from '../../contracts/integration';
import { EventStore } from '../../src/event-store/port';
import { EventRelay } from '../../src/relay';
import { TOKENS } from '../../src/container-tokens';
import { startTestApp, TestApp } from '../support/app';
import { profileBody } from '../support/fixtures';
import { onBackends } from '../support/real-backends';

/**
 * One HTTP write, followed all the way: event store → projector → MongoDB → HTTP read, and
 * event store → relay → Kafka topic, where a plain kafkajs consumer (not our adapter) reads it.
 */
onBackends(['KAFKA_BROKERS', 'MONGODB_URL'], 'end to end on Kafka and MongoDB', ([brokers, url]) =>
  describe('end to end on Kafka and MongoDB', () => {
  const db = `jobwise_e2e_${randomUUID().slice(0, 8)}`;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ MONGODB_URL: url, MONGODB_DB: db, KAFKA_BROKERS: brokers }, undefined, ['api', 'projector', 'relay']);
  });
  afterAll(async () => {
    await t?.stop();
    const client = await MongoClient.connect(url);
    await client.db(db).dropDatabase();
    await client.close();
  });

  it('an HTTP profile write is readable over HTTP, stored in MongoDB and published on jobwise.profiles.v1', async () => {
    const user = await t.register();
    const created = await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody());
    expect(created.status).toBe(201);
    const profile_id = created.body.id;
    expect((await t.http.get(`/api/v1/profiles/${profile_id}`).set(user.auth)).body).toEqual(created.body);

    const client = await MongoClient.connect(url);
    try {
      expect(await client.db(db).collection<{ _id: string }>('profiles_v1').findOne({ _id: profile_id })).toMatchObject({ user_id: user.user_id });
    } finally {
      await client.close();
    }

    // The relay creates the topic when it first publishes to it; a consumer must not race it.
    const events = t.app.container.get<EventStore>(TOKENS.EventStore);
    await t.app.container.get<EventRelay>(TOKENS.Relay).waitFor(await events.headPosition());

    const consumer = new Kafka({ brokers: brokers.split(','), clientId: 'e2e-probe', logLevel: logLevel.NOTHING }).consumer({
      groupId: `e2e-${randomUUID()}`,
    });
    await consumer.connect();
    await consumer.subscribe({ topic: IntegrationTopics.profiles, fromBeginning: true });
    const received = new Promise<{ key: string; value: Record<string, any>; headers: Record<string, string> }>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          const value = JSON.parse(message.value!.toString());
          if (value.event_type === 'profile.created' && value.data.profile_id === profile_id) {
            const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
            resolve({ key: message.key!.toString(), value, headers });
          }
        },
      });
    });
    try {
      const message = await received;
      expect(message.key).toBe(`profile-${profile_id}`);
      expect(message.headers.event_type).toBe('profile.created');
      expect(message.value.data.user_id).toBe(user.user_id);
      expect(JSON.stringify(message.value)).not.toContain('ada@example.com');
      expect(JSON.stringify(message.value)).not.toContain('Ada Example');
    } finally {
      await consumer.disconnect();
    }
  }, 60_000);
}));
