import { randomBytes, randomUUID } from 'node:crypto';
import { DomainEvent } from '../../../contracts/events';
import { IntegrationEvent, IntegrationEventsByTopic, IntegrationTopics } from '../../../contracts/integration';
import { analyzeJob } from '../../../src/keywords';
import { contentHash } from '../../../src/jobs/catalogue/catalogue';
import { toBusMessage, toIntegrationEvent } from '../../../src/relay/mapping';
import { jobContent } from '../../support/job-fixtures';
import { envelopes as envelopesAt } from '../../support/envelopes';

const occurred_at = '2026-11-24T10:00:00.000Z';

const envelopes = (stream_id: string, events: DomainEvent[]) => envelopesAt(stream_id, events, occurred_at, { correlation_id: 'corr-1' });

/**
 * A job's whole life, its free text marked so a leak can be found: title, company, descriptions,
 * requirements, responsibilities, benefits, location, industry, reference number and URL. A job a
 * user created or imported publishes none of them (only catalogue jobs keep title and company).
 */
function jobHistory(source: 'user_created' | 'imported' = 'user_created') {
  const job_id = randomUUID();
  const user_id = randomUUID();
  const secrets: string[] = [];
  const s = (value: string) => (secrets.push(value), value);
  const m = () => `q${randomBytes(5).toString('hex')}`;
  const marked = () =>
    jobContent({
      title: s(`Senior Platform Engineer ${m()}`),
      company: s(`Quillmark ${m()} Analytics`),
      location: s(`Utrecht ${m()}`),
      description: s(`Our team ${m()} runs the Kubernetes platform for every product squad in the company.`),
      requirements: [s(`Five years with Kubernetes at ${m()}`), s(`Terraform modules for ${m()}`)],
      responsibilities: [s(`Own the ${m()} rollout`)],
      benefits: [s(`Gym at ${m()}`)],
      industry: s(`logistics ${m()}`),
      external_job_id: s(`REF-${m()}`),
      application_url: s(`https://jobs.example.com/${m()}`),
      expires_date: '2026-12-31',
    });
  const content = marked();
  const changed = marked();
  const analysis = analyzeJob(changed);
  const events: DomainEvent[] = [
    {
      type: 'JobCreated',
      data: { job_id, source, user_id, status: 'draft', catalogue_id: null, content, content_hash: contentHash(content) },
    },
    { type: 'JobUpdated', data: { content: changed, content_hash: contentHash(changed) } },
    { type: 'JobAnalyzed', data: { content_hash: contentHash(changed), analysis } },
    { type: 'JobStatusChanged', data: { from: 'draft', to: 'active' } },
    { type: 'JobExpired', data: { expires_date: '2026-12-31' } },
    { type: 'JobDeleted', data: { job_id, user_id } },
  ];
  return { job_id, user_id, stream_id: `job-${job_id}`, events, secrets, analysis };
}

const history = jobHistory();
const mapped = envelopes(history.stream_id, history.events).map((envelope) => ({ envelope, outgoing: toIntegrationEvent(envelope)! }));
const one = (event_type: string) => mapped.find(({ outgoing }) => outgoing.message.event_type === event_type)!.outgoing;

describe('job integration events', () => {
  it('given every job event, then each is published on the jobs topic, keyed by its stream, fitting its contract', () => {
    const jobTypes = IntegrationEventsByTopic[IntegrationTopics.jobs].map((schema) => schema.shape.event_type.value as string);
    for (const { envelope, outgoing } of mapped) {
      expect(outgoing.topic).toBe(IntegrationTopics.jobs);
      expect(outgoing.key).toBe(history.stream_id);
      expect(IntegrationEvent.parse(outgoing.message)).toEqual(outgoing.message);
      expect(jobTypes).toContain(outgoing.message.event_type);
      expect(outgoing.message).toMatchObject({ event_id: envelope.event_id, source_stream: envelope.stream_id, source_revision: envelope.revision });
    }
    expect(mapped.map(({ outgoing }) => outgoing.message.event_type)).toEqual([
      'job.created',
      'job.updated',
      'job.analyzed',
      'job.status_changed',
      'job.expired',
      'job.deleted',
    ]);
  });

  it("given a user's JobCreated, then job.created carries ids, enums, dates, salary figures and counts, title and company null", () => {
    expect(one('job.created').message.data).toEqual({
      job_id: history.job_id,
      source: 'user_created',
      user_id: history.user_id,
      status: 'draft',
      title: null,
      company: null,
      remote: 'hybrid',
      employment_type: 'full_time',
      experience_level: 'senior',
      salary: { min: 80000, max: 100000, currency: 'EUR', period: 'year' },
      posted_date: '2026-11-01',
      expires_date: '2026-12-31',
      counts: { requirements: 2, responsibilities: 1, benefits: 1 },
    });
  });

  it('given a static catalogue job, then job.created names no owner and keeps its title and company; job.updated has them null', () => {
    const content = jobContent();
    const [created, updated] = envelopes(`job-${randomUUID()}`, [
      { type: 'JobCreated', data: { job_id: randomUUID(), source: 'static', user_id: null, status: 'active', catalogue_id: 'static-007', content, content_hash: contentHash(content) } },
      { type: 'JobUpdated', data: { content, content_hash: contentHash(content) } },
    ]);
    expect(toIntegrationEvent(created!)!.message.data).toMatchObject({
      source: 'static',
      user_id: null,
      status: 'active',
      title: content.title,
      company: content.company,
    });
    expect(toIntegrationEvent(updated!)!.message.data).toMatchObject({ title: null, company: null });
  });

  it('given JobUpdated, then job.updated carries the new summary without title or company', () => {
    expect(one('job.updated').message.data).toMatchObject({ job_id: history.job_id, title: null, company: null, remote: 'hybrid' });
  });

  it('given JobAnalyzed, then job.analyzed carries the canonical skills and levels', () => {
    const { analysis } = history;
    expect(one('job.analyzed').message.data).toEqual({
      job_id: history.job_id,
      analyzer_version: analysis.analyzer_version,
      required_skills: analysis.required_skills,
      preferred_skills: analysis.preferred_skills,
      seniority: analysis.seniority,
      education_level: analysis.education_level,
      years_of_experience: analysis.years_of_experience,
    });
    expect(analysis.required_skills).toContain('Kubernetes');
  });

  it('given status changes, expiry and deletion, then their events carry ids and statuses only', () => {
    expect(one('job.status_changed').message.data).toEqual({ job_id: history.job_id, from: 'draft', to: 'active' });
    expect(one('job.expired').message.data).toEqual({ job_id: history.job_id, expires_date: '2026-12-31' });
    expect(one('job.deleted').message.data).toEqual({ job_id: history.job_id, user_id: history.user_id });
  });
});

describe("a job's free text never leaves through integration events", () => {
  const strings = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

  it.each(Array.from({ length: 10 }, (_, i) => [i, i % 2 === 0 ? 'user_created' : 'imported'] as const))(
    'given marked job history #%i (%s), then no published string contains a marker',
    (_i, source) => {
    const sample = jobHistory(source);
    const published = envelopes(sample.stream_id, sample.events)
      .map((envelope) => toBusMessage(toIntegrationEvent(envelope)!, '0000000000000001'))
      .flatMap(strings)
      .map((value) => value.toLowerCase());
    expect(sample.secrets.length).toBeGreaterThanOrEqual(16);
    for (const secret of sample.secrets) {
      expect({ secret, leaks: published.filter((value) => value.includes(secret.toLowerCase())) }).toEqual({ secret, leaks: [] });
    }
    },
  );

  it('the same check finds every marker in the domain events themselves (so it can fail)', () => {
    const source = strings(history.events).map((value) => value.toLowerCase());
    for (const secret of history.secrets) expect(source.some((value) => value.includes(secret.toLowerCase()))).toBe(true);
  });

  it('rejects unknown data fields, so a mapping cannot add a description unnoticed', () => {
    const created = one('job.created').message;
    expect(IntegrationEvent.safeParse({ ...created, data: { ...created.data, description: 'x' } }).success).toBe(false);
  });
});
