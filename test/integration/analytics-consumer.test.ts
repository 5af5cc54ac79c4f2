import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { DocumentViewedV1, GenerationCompletedV1, GenerationRequestedV1, IntegrationEvent, JobAnalyzedV1, JobDeletedV1 } from '../../contracts/integration';
import { AnalyticsState, startAnalyticsConsumer } from '../../examples/analytics-consumer';
import { eventually } from '../support/document-flow';
import { brokerList, onBackends } from '../support/real-backends';

/**
 * The example analytics consumer (examples/analytics-consumer.ts) on the real broker: realistic
 * integration events go to topics of this test's own (so other suites' messages do not mix
 * in), keyed and headed as the relay does, one message delivered twice; the aggregates count
 * each event once.
 */
const suffix = randomUUID().slice(0, 8);
const topics = { generations: `jobwise.generations.v1.analytics-${suffix}`, jobs: `jobwise.jobs.v1.analytics-${suffix}`, documents: `jobwise.documents.v1.analytics-${suffix}` };

const user_id = randomUUID();
const profile_id = randomUUID();
let revision = 0;

function envelope<T extends { shape: { event_type: { value: string }; schema_version: { value: number } } }>(schema: T, stream: string, occurred_at: string, data: object) {
  return IntegrationEvent.parse({
    event_id: randomUUID(),
    event_type: schema.shape.event_type.value,
    schema_version: schema.shape.schema_version.value,
    occurred_at,
    correlation_id: randomUUID(),
    source_stream: stream,
    source_revision: revision++,
    data,
  });
}

function generation(kind: 'resume' | 'cover_letter', day: string, ats_score: number, template?: 'professional' | 'technical' | 'creative') {
  const generation_id = randomUUID();
  const stream = `generation-${generation_id}`;
  return [
    envelope(GenerationRequestedV1, stream, `${day}T09:00:00.000Z`, { generation_id, user_id, kind, profile_id, job_id: randomUUID(), parent_id: null, template }),
    envelope(GenerationCompletedV1, stream, `${day}T09:00:07.000Z`, { generation_id, ats_score }),
  ];
}

function analyzed(job_id: string, required: string[], preferred: string[]) {
  return envelope(JobAnalyzedV1, `job-${job_id}`, '2026-11-02T10:00:00.000Z', {
    job_id,
    analyzer_version: 'keywords-3',
    required_skills: required,
    preferred_skills: preferred,
    seniority: 'senior',
    education_level: null,
    years_of_experience: { min: 5, max: null },
  });
}

const viewed = (day: string) => {
  const document_id = randomUUID();
  return envelope(DocumentViewedV1, `document-${document_id}`, `${day}T15:30:00.000Z`, { document_id, share_id: randomUUID() });
};

async function publish(producer: Producer, topic: string, events: IntegrationEvent[]): Promise<void> {
  await producer.send({
    topic,
    messages: events.map((event) => ({
      key: event.source_stream,
      value: JSON.stringify(event),
      headers: { event_id: event.event_id, event_type: event.event_type, schema_version: String(event.schema_version), correlation_id: event.correlation_id, source_position: '0' },
    })),
  });
}

onBackends(['KAFKA_BROKERS'], 'example analytics consumer on Kafka', ([brokers]) => {
  jest.setTimeout(90_000);
  const kafka = new Kafka({ brokers: brokerList(brokers), clientId: 'analytics-test', logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: true });
  const admin = kafka.admin();
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    await Promise.all([producer.connect(), admin.connect()]);
    await admin.createTopics({ waitForLeaders: true, topics: Object.values(topics).map((topic) => ({ topic, numPartitions: 3 })) });
  });
  afterAll(async () => {
    await stop?.();
    await admin.deleteTopics({ topics: Object.values(topics) }).catch(() => undefined);
    await Promise.all([producer.disconnect(), admin.disconnect()]);
  });

  it('counts generations per day, mean ATS score by template, demanded skills and share views per day, each event once', async () => {
    const generations = [
      ...generation('resume', '2026-11-02', 0.8, 'technical'),
      ...generation('resume', '2026-11-02', 0.6, 'technical'),
      ...generation('cover_letter', '2026-11-03', 0.9, 'professional'),
      ...generation('resume', '2026-11-03', 0.5), // published before generation.requested carried the template
    ];
    const [platform, data, gone] = [randomUUID(), randomUUID(), randomUUID()];
    const jobs = [
      analyzed(platform, ['Kubernetes', 'Terraform', 'Go'], ['Prometheus']),
      analyzed(data, ['Python', 'Kafka', 'kubernetes'], []),
      analyzed(platform, ['Kubernetes', 'Terraform', 'AWS'], ['Prometheus']), // re-analysed: replaces its skills
      analyzed(gone, ['COBOL'], []),
      envelope(JobDeletedV1, `job-${gone}`, '2026-11-04T08:00:00.000Z', { job_id: gone, user_id }),
    ];
    const views = [viewed('2026-11-02'), viewed('2026-11-03'), viewed('2026-11-03')];

    const running = await startAnalyticsConsumer({ brokers: brokerList(brokers), group_id: `analytics-${suffix}`, topics: Object.values(topics) }, new AnalyticsState());
    stop = running.stop;
    await publish(producer, topics.generations, [...generations, generations[1]]); // at least once: a redelivered completion
    await publish(producer, topics.jobs, jobs);
    await publish(producer, topics.documents, [...views, views[0]]);
    await producer.send({ topic: topics.documents, messages: [{ key: 'document-x', value: '{"event_type":"document.teleported","schema_version":9}' }] });

    const expected = {
      generations_per_day: { '2026-11-02': 2, '2026-11-03': 2 },
      mean_ats_score_by_template: { professional: { mean: 0.9, count: 1 }, technical: { mean: 0.7, count: 2 }, unknown: { mean: 0.5, count: 1 } },
      most_demanded_skills: [
        { skill: 'kubernetes', jobs: 2 },
        { skill: 'aws', jobs: 1 },
        { skill: 'kafka', jobs: 1 },
        { skill: 'prometheus', jobs: 1 },
        { skill: 'python', jobs: 1 },
        { skill: 'terraform', jobs: 1 },
      ],
      share_views_per_day: { '2026-11-02': 1, '2026-11-03': 2 },
    };
    await eventually(async () => (JSON.stringify(running.state.aggregates()) === JSON.stringify(expected) ? true : undefined), 'the aggregates', 60_000).catch(() => undefined);
    expect(running.state.aggregates()).toEqual(expected);
  });
});
