import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { ALL_INTEGRATION_TOPICS, IntegrationEvent } from '../../contracts/integration';
import { startTestApp, TestApp } from '../support/app';
import { capturedLogs, distinctiveSecrets, ErasedUser, eventually, leaked, userWithPersonalData } from '../support/erasure-scenario';
import { brokerList, onBackends } from '../support/real-backends';

/**
 * The erasure test of ADR 0009 on the real backends: the read models on the MongoDB wire, the
 * integration events on Kafka (the event log stays embedded; its files are checked in
 * test/http/erasure.test.ts).
 */
onBackends(['MONGODB_URL', 'KAFKA_BROKERS'], 'erasure on MongoDB and Kafka', () => {
  jest.setTimeout(120_000);
  const mongoUrl = process.env.MONGODB_URL!;
  const database = `jobwise_erasure_${randomUUID().slice(0, 8)}`;
  const logs = capturedLogs();
  const secrets = distinctiveSecrets();
  let t: TestApp;
  let mongo: MongoClient;
  let user: ErasedUser;

  beforeAll(async () => {
    mongo = await MongoClient.connect(mongoUrl);
    t = await startTestApp({ MONGODB_URL: mongoUrl, MONGODB_DB: database, KAFKA_BROKERS: process.env.KAFKA_BROKERS! }, undefined, ['api', 'projector', 'relay'], {
      logger: logs.logger,
    });
    user = await userWithPersonalData(t, secrets);
    expect((await t.http.delete('/api/v1/auth/me').set(user.session.auth).send({ password: user.session.password })).status).toBe(204);
  });
  afterAll(async () => {
    await t?.stop();
    await mongo?.db(database).dropDatabase();
    await mongo?.close();
  });

  /** Every document of every collection of the app's database, as one text. */
  async function databaseText(): Promise<string> {
    const db = mongo.db(database);
    const names = (await db.listCollections().toArray()).map((collection) => collection.name);
    const docs = await Promise.all(names.map((name) => db.collection(name).find().toArray()));
    return JSON.stringify(docs);
  }

  it('deletes every read-model document of the user, destroys their key, and leaves nothing personal in any collection', async () => {
    const db = mongo.db(database);
    const { user_id } = user.session;
    await eventually(async () => (await db.collection('profiles_v1').countDocuments({ user_id })) === 0, 'the profile is gone');
    await eventually(async () => (await db.collection('jobs_v2').countDocuments({ user_id })) === 0, 'the job is gone');
    await eventually(async () => (await db.collection('users_v1').countDocuments({ _id: user_id as never })) === 0, 'the account is gone');
    expect(await db.collection('subject_keys').countDocuments({ subject: user_id })).toBe(0);
    expect(leaked(await databaseText(), secrets)).toEqual([]);
  });

  it('publishes user.erased with the ids to forget, and no topic carries anything personal', async () => {
    const kafka = new Kafka({ brokers: brokerList(process.env.KAFKA_BROKERS!), clientId: 'erasure-verifier', logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `erasure-verifier-${randomUUID()}`, maxWaitTimeInMs: 200 });
    const seen: string[] = [];
    let erased: IntegrationEvent | undefined;
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [...ALL_INTEGRATION_TOPICS], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const headers = Object.entries(message.headers ?? {}).map(([name, value]) => `${name}=${String(value)}`);
          seen.push(`${message.key?.toString()} ${headers.join(' ')} ${message.value?.toString()}`);
          const event = IntegrationEvent.parse(JSON.parse(message.value!.toString()));
          if (event.event_type === 'user.erased' && (event.data as { user_id: string }).user_id === user.session.user_id) erased = event;
        },
      });
      // Topics are consumed side by side: wait for the user's profile and job messages too.
      const keyed = (key: string) => seen.some((line) => line.startsWith(`${key} `));
      await eventually(
        async () => erased !== undefined && keyed(`profile-${user.profile_id}`) && keyed(`job-${user.job_id}`),
        "user.erased and the user's profile and job messages arrive",
        60_000,
      );
    } finally {
      await consumer.disconnect();
    }
    expect(erased!.data).toEqual({ user_id: user.session.user_id, profile_ids: [user.profile_id], job_ids: [user.job_id] });
    expect(seen.filter((line) => line.includes(user.session.user_id)).length).toBeGreaterThan(3);
    expect(seen.filter((line) => line.startsWith(`profile-${user.profile_id} `)).length).toBeGreaterThan(1);
    expect(leaked(seen.join('\n'), secrets)).toEqual([]);
  });

  it('and the logs of the whole run hold none of it', () => {
    expect(leaked(logs.text(), secrets)).toEqual([]);
  });
});
