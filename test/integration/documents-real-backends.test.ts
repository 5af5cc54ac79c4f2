import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { IntegrationEvent, IntegrationTopics } from '../../contracts/integration';
import { startTestApp, TestApp } from '../support/app';
import { documentsOf, eventually, generate } from '../support/document-flow';
import { ALL_ROLES, Prepared, userWithProfileAndJob } from '../support/generation-flow';
import { brokerList, onBackends } from '../support/real-backends';

/**
 * The Document API on the real backends: events in EventStoreDB, read models on the MongoDB
 * wire (share links found by a dotted path into an array, filters on array fields), the keeper
 * fed through Kafka, and the PII-free document events on `jobwise.documents.v1`.
 */
onBackends(['EVENTSTORE_CONNECTION_STRING', 'MONGODB_URL', 'KAFKA_BROKERS'], 'documents on EventStoreDB, MongoDB and Kafka', () => {
  // A new consumer group reads the shared topic from the beginning: behind other suites' history
  // under a full parallel run, the first generation can take a while.
  jest.setTimeout(240_000);
  const database = `jobwise_documents_${randomUUID().slice(0, 8)}`;
  let t: TestApp;
  let owner: Prepared;
  let resumeId: string;

  beforeAll(async () => {
    t = await startTestApp(
      {
        EVENTSTORE_CONNECTION_STRING: process.env.EVENTSTORE_CONNECTION_STRING!,
        MONGODB_URL: process.env.MONGODB_URL!,
        MONGODB_DB: database,
        KAFKA_BROKERS: process.env.KAFKA_BROKERS!,
        GENERATION_STAGE_DURATION_SCALE: '0',
        PROCESS_MANAGER_GROUP: `pm-documents-${randomUUID()}`,
        DOCUMENT_KEEPER_GROUP: `keeper-documents-${randomUUID()}`,
      },
      undefined,
      ALL_ROLES,
    );
    owner = await userWithProfileAndJob(t);
    const generation = await generate(t, owner.user, owner.profile_id, owner.job_id, true, 150_000);
    const docs = await documentsOf(t, owner.user, generation, 2, 60_000);
    resumeId = docs.find((d) => d.type === 'resume')!.id;
  });
  afterAll(async () => {
    await t?.stop();
    const mongo = await MongoClient.connect(process.env.MONGODB_URL!);
    await mongo.db(database).dropDatabase();
    await mongo.close();
  });

  it('exports, shares, serves the link and counts it; filters on tags; deletion kills the link', async () => {
    const auth = owner.user.auth;
    const exported = await t.http.post(`/api/v1/documents/${resumeId}/export`).set(auth).send({ format: 'docx' });
    expect(exported.status).toBe(200);
    const tagged = await t.http.put(`/api/v1/documents/${resumeId}`).set(auth).send({ tags: ['kafka-test'] });
    expect(tagged.status).toBe(200);
    expect((await t.http.get('/api/v1/documents?tag=kafka-test').set(auth)).body.total).toBe(1);

    const share = await t.http.post(`/api/v1/documents/${resumeId}/share`).set(auth).send({ permissions: ['view', 'download'] });
    expect(share.status).toBe(201);
    expect((await t.http.get(share.body.url)).status).toBe(200);
    const file = await t.http.get(`${share.body.url}/download?format=txt`);
    expect(file.status).toBe(200);
    expect(file.text.length).toBeGreaterThan(100);
    await eventually(async () => {
      const analytics = (await t.http.get(`/api/v1/documents/${resumeId}/analytics`).set(auth)).body;
      return analytics.share_views === 1 && analytics.downloads.through_shares === 1 ? true : undefined;
    }, 'the view and download counted');

    expect((await t.http.delete(`/api/v1/documents/${resumeId}`).set(auth)).status).toBe(204);
    expect((await t.http.get(share.body.url)).status).toBe(404);
  });

  it('publishes the document’s life on jobwise.documents.v1 with ids and counts only', async () => {
    const profile = (await t.http.get(`/api/v1/profiles/${owner.profile_id}`).set(owner.user.auth)).body;
    const kafka = new Kafka({ brokers: brokerList(process.env.KAFKA_BROKERS!), clientId: 'documents-verifier', logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `documents-verifier-${randomUUID()}`, maxWaitTimeInMs: 200 });
    const mine: IntegrationEvent[] = [];
    const raw: string[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [IntegrationTopics.documents], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const event = IntegrationEvent.parse(JSON.parse(message.value!.toString()));
          if ((event.data as { document_id?: string }).document_id === resumeId) {
            mine.push(event);
            raw.push(message.value!.toString());
          }
        },
      });
      await eventually(async () => (mine.some((e) => e.event_type === 'document.deleted') ? true : undefined), 'document.deleted on Kafka', 60_000);
    } finally {
      await consumer.disconnect();
    }
    expect(mine.map((e) => e.event_type)).toEqual(
      expect.arrayContaining(['document.created', 'document.versioned', 'document.exported', 'document.details_updated', 'document.shared', 'document.viewed', 'document.downloaded', 'document.deleted']),
    );
    const text = raw.join('\n');
    expect(text).not.toContain(profile.personal_info.full_name);
    expect(text).not.toContain('kafka-test');
    expect(text).not.toContain('Resume —');
  });
});
