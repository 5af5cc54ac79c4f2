import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DomainEvent, DomainEventSchemas } from '../../../contracts/events';
import { IntegrationEvent, IntegrationEventSchemas, IntegrationEventsByTopic, IntegrationTopics } from '../../../contracts/integration';
import { toBusMessage, toIntegrationEvent } from '../../../src/relay/mapping';
import { sampleHistory } from './samples';
import { envelopes as envelopesAt } from '../../support/envelopes';

const occurred_at = '2026-11-24T10:00:00.000Z';

const envelopes = (stream_id: string, events: DomainEvent[]) => envelopesAt(stream_id, events, occurred_at, { correlation_id: 'corr-1' });

const history = sampleHistory();
const all = history.streams.flatMap(({ stream_id, events }) => envelopes(stream_id, events));
const mapped = all.map((envelope) => ({ envelope, outgoing: toIntegrationEvent(envelope) }));
const published = mapped.flatMap(({ outgoing }) => (outgoing ? [outgoing] : []));
const one = (event_type: string) => published.find((out) => out.message.event_type === event_type)!;

describe('integration event mapping', () => {
  it('given a sample of every domain event type, the history is valid and covers them all', () => {
    const schemaByType = new Map(DomainEventSchemas.map((s) => [s.shape.type.value as string, s as z.ZodType]));
    for (const event of history.streams.flatMap((s) => s.events)) expect(schemaByType.get(event.type)!.parse(event)).toEqual(event);
    expect(new Set(all.map((e) => e.type))).toEqual(
      new Set(DomainEventSchemas.map((s) => s.shape.type.value).filter((type) => type !== 'ClaimReleased')),
    );
  });

  it('then every published event fits its contract, with the envelope of its source', () => {
    for (const { envelope, outgoing } of mapped) {
      if (!outgoing) continue;
      expect(IntegrationEvent.parse(outgoing.message)).toEqual(outgoing.message);
      expect(outgoing.message).toMatchObject({
        event_id: envelope.event_id,
        schema_version: 1,
        occurred_at,
        correlation_id: 'corr-1',
        source_stream: envelope.stream_id,
        source_revision: envelope.revision,
      });
      expect(outgoing.key).toBe(envelope.stream_id);
    }
  });

  it('then user, profile, job, generation, document and application events go to their own topics', () => {
    for (const { envelope, outgoing } of mapped) {
      if (!outgoing) continue;
      const byCategory: Record<string, string> = {
        user: IntegrationTopics.users,
        profile: IntegrationTopics.profiles,
        job: IntegrationTopics.jobs,
        generation: IntegrationTopics.generations,
        document: IntegrationTopics.documents,
        application: IntegrationTopics.applications,
      };
      const expected = byCategory[envelope.stream_id.split('-')[0]];
      expect(outgoing.topic).toBe(expected);
      const topicTypes = IntegrationEventsByTopic[outgoing.topic].map((s: z.ZodObject) => (s.shape.event_type as z.ZodLiteral).value);
      expect(topicTypes).toContain(outgoing.message.event_type);
    }
  });

  it('given claim events, then nothing is published', () => {
    const [taken, released] = envelopes(`useremail-${randomUUID()}`, [
      { type: 'ClaimTaken', data: { owner_id: randomUUID() } },
      { type: 'ClaimReleased', data: { owner_id: randomUUID() } },
    ]);
    expect(toIntegrationEvent(taken)).toBeNull();
    expect(toIntegrationEvent(released)).toBeNull();
  });

  it('given UserRegistered, then user.registered carries the id and roles only', () => {
    expect(one('user.registered').message.data).toEqual({ user_id: history.user_id, roles: ['user'] });
  });

  it('given refresh-token events, then session events name the user from the stream', () => {
    const started = one('user.session_started').message.data as { user_id: string; family_id: string };
    expect(started.user_id).toBe(history.user_id);
    expect(one('user.session_refreshed').message.data).toEqual(started);
    expect(one('user.session_revoked').message.data).toEqual({ ...started, reason: 'logout' });
  });

  it('given PasswordChanged, then user.password_changed carries the user and how many sessions were revoked, never the hash', () => {
    expect(one('user.password_changed').message.data).toEqual({ user_id: history.user_id, revoked_sessions: 2 });
  });

  it('given UserErased, then user.erased names the user, profiles and jobs to forget, and nothing about sessions or who asked', () => {
    const [erased] = history.streams.find((stream) => stream.events[0].type === 'UserErased')!.events;
    const { user_id, profile_ids, job_ids } = erased.data as { user_id: string; profile_ids: string[]; job_ids: string[] };
    expect(one('user.erased').message.data).toEqual({ user_id, profile_ids, job_ids });
    expect(one('user.erased').key).toBe(`user-${user_id}`);
  });

  it('given GenerationRequested, then generation.requested carries the ids, the kind and the template asked for, never the other options', () => {
    expect(one('generation.requested').message.data).toEqual({
      generation_id: expect.any(String),
      user_id: history.user_id,
      kind: 'resume',
      profile_id: history.profile_id,
      job_id: expect.any(String),
      parent_id: null,
      template: 'technical',
    });
  });

  it('given ProfileCreated, then profile.created carries counts, technical skills and whether there is a summary', () => {
    expect(one('profile.created').message.data).toEqual({
      profile_id: history.profile_id,
      user_id: history.user_id,
      counts: { experiences: 2, education: 1, projects: 1 },
      skills: { technical: ['TypeScript', 'Kafka', 'Event Sourcing'] },
      has_summary: true,
    });
  });

  it('given ProfileUpdated, then profile.updated names the changed fields', () => {
    expect(one('profile.updated').message.data).toEqual({ profile_id: history.profile_id, changed: ['personal_info', 'professional_summary'] });
    const [summaryOnly] = envelopes(`profile-${history.profile_id}`, [{ type: 'ProfileUpdated', data: { professional_summary: null } }]);
    expect(toIntegrationEvent(summaryOnly)!.message.data).toEqual({ profile_id: history.profile_id, changed: ['professional_summary'] });
  });

  it('given SkillsUpdated, then technical skills are listed and the rest counted', () => {
    expect(one('profile.skills_updated').message.data).toEqual({
      profile_id: history.profile_id,
      technical: ['TypeScript', 'Rust'],
      soft_count: 1,
      languages_count: 1,
      certifications_count: 1,
    });
  });

  it('given entry events, then ids, dates and technologies are published', () => {
    expect(Object.keys(one('profile.experience_added').message.data).sort()).toEqual(
      ['end_date', 'experience_id', 'is_current', 'profile_id', 'start_date'],
    );
    expect(Object.keys(one('profile.education_updated').message.data).sort()).toEqual(['education_id', 'end_date', 'profile_id', 'start_date']);
    expect(one('profile.project_updated').message.data).toMatchObject({ technologies: ['Go'] });
    expect(Object.keys(one('profile.project_removed').message.data).sort()).toEqual(['profile_id', 'project_id']);
  });

  it('then the bus message is keyed by stream and carries the envelope headers', () => {
    const created = one('profile.created');
    expect(toBusMessage(created, '0000000000000007')).toEqual({
      key: `profile-${history.profile_id}`,
      value: created.message,
      headers: {
        event_id: created.message.event_id,
        event_type: 'profile.created',
        schema_version: '1',
        correlation_id: 'corr-1',
        source_position: '0000000000000007',
      },
    });
  });
});

describe('personal data never leaves through integration events', () => {
  /** Every string anywhere in a value. */
  const strings = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.flatMap(strings)
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(strings)
          : [];

  it.each(Array.from({ length: 20 }, (_, i) => i))('given realistic history #%i with distinctive personal data, then no published string contains any of it', () => {
    const sample = sampleHistory();
    const out = sample.streams
      .flatMap(({ stream_id, events }) => envelopes(stream_id, events))
      .map((envelope) => toIntegrationEvent(envelope))
      .flatMap((outgoing) => (outgoing ? [toBusMessage(outgoing, '0000000000000001')] : []));
    expect(out.length).toBeGreaterThan(15);
    const published = out.flatMap((message) => strings(message)).map((s) => s.toLowerCase());
    expect(sample.secrets.length).toBeGreaterThan(30);
    for (const secret of sample.secrets) {
      const leaks = published.filter((value) => value.includes(secret.toLowerCase()));
      expect({ secret, leaks }).toEqual({ secret, leaks: [] });
    }
  });

  it('the same check finds every secret in the domain events themselves (so it can fail)', () => {
    const sample = sampleHistory();
    const source = sample.streams.flatMap(({ events }) => strings(events)).map((s) => s.toLowerCase());
    for (const secret of sample.secrets) expect(source.some((value) => value.includes(secret.toLowerCase()))).toBe(true);
  });

  it('rejects unknown data fields, so a mapping cannot add one unnoticed', () => {
    const created = one('profile.created').message;
    expect(IntegrationEvent.safeParse({ ...created, data: { ...created.data, email: 'x@example.com' } }).success).toBe(false);
  });
});

describe('integration event contracts', () => {
  it('every event type is unique and renders as JSON Schema', () => {
    const types = IntegrationEventSchemas.map((s) => s.shape.event_type.value);
    expect(new Set(types).size).toBe(types.length);
    for (const schema of IntegrationEventSchemas) expect(z.toJSONSchema(schema, { unrepresentable: 'any' })).toHaveProperty('properties.data');
  });
});
