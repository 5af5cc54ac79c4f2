import { z } from 'zod';
import { IntegrationEvent, IntegrationEventSchemas, IntegrationTopic, IntegrationTopics } from '../../contracts/integration';
import * as J from '../../contracts/integration/jobs';
import * as P from '../../contracts/integration/profiles';
import * as U from '../../contracts/integration/users';
import { BUS_HEADERS, BusMessage } from '../bus/port';
import { JobContent } from '../../contracts/jobs/job';
import { DomainEnvelope } from '../../contracts/events';
import { streamEntityId } from '../shared/streams';

/** An integration event ready to publish: key is the source stream, so each stream keeps its order. */
export interface OutgoingEvent {
  topic: IntegrationTopic;
  key: string;
  message: IntegrationEvent;
}

export const RELAY_HEADERS = { ...BUS_HEADERS, source_position: 'source_position' } as const;

/**
 * Maps a private domain event to its public integration event, or null for internal events.
 * A new domain event type fails to compile here until it is mapped (or declared internal).
 */
export function toIntegrationEvent(event: DomainEnvelope): OutgoingEvent | null {
  const users = (message: IntegrationEvent) => ({ topic: IntegrationTopics.users, key: event.stream_id, message });
  const profiles = (message: IntegrationEvent) => ({ topic: IntegrationTopics.profiles, key: event.stream_id, message });
  const jobs = (message: IntegrationEvent) => ({ topic: IntegrationTopics.jobs, key: event.stream_id, message });
  const user_id = streamEntityId(event.stream_id);
  const profile_id = streamEntityId(event.stream_id);
  const job_id = streamEntityId(event.stream_id);

  switch (event.type) {
    case 'UserRegistered':
      return users(build(U.UserRegisteredV1, event, { user_id: event.data.user_id, roles: event.data.roles }));
    case 'RefreshTokenIssued':
      return users(build(U.UserSessionStartedV1, event, { user_id, family_id: event.data.family_id }));
    case 'RefreshTokenRotated':
      return users(build(U.UserSessionRefreshedV1, event, { user_id, family_id: event.data.family_id }));
    case 'RefreshTokenFamilyRevoked':
      return users(build(U.UserSessionRevokedV1, event, { user_id, family_id: event.data.family_id, reason: event.data.reason }));
    case 'ClaimTaken':
    case 'ClaimReleased':
      return null;
    case 'ProfileCreated': {
      const { data } = event;
      return profiles(
        build(P.ProfileCreatedV1, event, {
          profile_id: data.profile_id,
          user_id: data.user_id,
          counts: { experiences: data.experiences.length, education: data.education.length, projects: data.projects.length },
          skills: { technical: [...data.skills.technical] },
          has_summary: Boolean(data.professional_summary?.trim()),
        }),
      );
    }
    case 'ProfileUpdated': {
      const changed = (['personal_info', 'professional_summary'] as const).filter((field) => event.data[field] !== undefined);
      return profiles(build(P.ProfileUpdatedV1, event, { profile_id, changed }));
    }
    case 'SkillsUpdated': {
      const { skills } = event.data;
      return profiles(
        build(P.ProfileSkillsUpdatedV1, event, {
          profile_id,
          technical: [...skills.technical],
          soft_count: skills.soft.length,
          languages_count: skills.languages.length,
          certifications_count: skills.certifications.length,
        }),
      );
    }
    case 'ExperienceAdded':
      return profiles(build(P.ProfileExperienceAddedV1, event, experience(profile_id, event.data.experience)));
    case 'ExperienceUpdated':
      return profiles(build(P.ProfileExperienceUpdatedV1, event, experience(profile_id, event.data.experience)));
    case 'ExperienceRemoved':
      return profiles(build(P.ProfileExperienceRemovedV1, event, { profile_id, experience_id: event.data.experience_id }));
    case 'EducationAdded':
      return profiles(build(P.ProfileEducationAddedV1, event, education(profile_id, event.data.education)));
    case 'EducationUpdated':
      return profiles(build(P.ProfileEducationUpdatedV1, event, education(profile_id, event.data.education)));
    case 'EducationRemoved':
      return profiles(build(P.ProfileEducationRemovedV1, event, { profile_id, education_id: event.data.education_id }));
    case 'ProjectAdded':
      return profiles(build(P.ProfileProjectAddedV1, event, project(profile_id, event.data.project)));
    case 'ProjectUpdated':
      return profiles(build(P.ProfileProjectUpdatedV1, event, project(profile_id, event.data.project)));
    case 'ProjectRemoved':
      return profiles(build(P.ProfileProjectRemovedV1, event, { profile_id, project_id: event.data.project_id }));
    case 'ProfileDeleted':
      return profiles(build(P.ProfileDeletedV1, event, { profile_id: event.data.profile_id, user_id: event.data.user_id }));
    case 'JobCreated': {
      const { source, user_id, status, content } = event.data;
      return jobs(build(J.JobCreatedV1, event, { job_id: event.data.job_id, source, user_id, status, ...jobSummary(content) }));
    }
    case 'JobUpdated':
      return jobs(build(J.JobUpdatedV1, event, { job_id, ...jobSummary(event.data.content) }));
    case 'JobAnalyzed': {
      const { analyzer_version, required_skills, preferred_skills, seniority, education_level, years_of_experience } = event.data.analysis;
      return jobs(
        build(J.JobAnalyzedV1, event, {
          job_id,
          analyzer_version,
          required_skills: [...required_skills],
          preferred_skills: [...preferred_skills],
          seniority,
          education_level,
          years_of_experience: years_of_experience && { min: years_of_experience.min, max: years_of_experience.max },
        }),
      );
    }
    case 'JobStatusChanged':
      return jobs(build(J.JobStatusChangedV1, event, { job_id, from: event.data.from, to: event.data.to }));
    case 'JobExpired':
      return jobs(build(J.JobExpiredV1, event, { job_id, expires_date: event.data.expires_date }));
    case 'JobDeleted':
      return jobs(build(J.JobDeletedV1, event, { job_id: event.data.job_id, user_id: event.data.user_id }));
    default:
      return unmapped(event);
  }
}

/** The bus message of an outgoing event; `source_position` lets an operator find the stored event. */
export function toBusMessage(outgoing: OutgoingEvent, source_position: string): BusMessage {
  const { message } = outgoing;
  return {
    key: outgoing.key,
    value: message,
    headers: {
      [RELAY_HEADERS.event_id]: message.event_id,
      [RELAY_HEADERS.event_type]: message.event_type,
      [RELAY_HEADERS.schema_version]: String(message.schema_version),
      [RELAY_HEADERS.correlation_id]: message.correlation_id,
      [RELAY_HEADERS.source_position]: source_position,
    },
  };
}

type IntegrationSchema = (typeof IntegrationEventSchemas)[number];

function build<S extends IntegrationSchema>(schema: S, source: DomainEnvelope, data: z.infer<S>['data']): z.infer<S> {
  return {
    event_id: source.event_id,
    event_type: schema.shape.event_type.value,
    schema_version: schema.shape.schema_version.value,
    occurred_at: source.metadata.occurred_at,
    correlation_id: source.metadata.correlation_id,
    source_stream: source.stream_id,
    source_revision: source.revision,
    data,
  } as z.infer<S>;
}

type Dated = { start_date: string | null; end_date: string | null };

function experience(profile_id: string, entry: Dated & { id: string; is_current: boolean; start_date: string }) {
  return { profile_id, experience_id: entry.id, is_current: entry.is_current, start_date: entry.start_date, end_date: entry.end_date };
}

function education(profile_id: string, entry: Dated & { id: string }) {
  return { profile_id, education_id: entry.id, start_date: entry.start_date, end_date: entry.end_date };
}

function project(profile_id: string, entry: Dated & { id: string; technologies: string[] }) {
  return { profile_id, project_id: entry.id, technologies: [...entry.technologies], start_date: entry.start_date, end_date: entry.end_date };
}

/** Title, company, enums, dates, salary figures and counts: never the posting's free text. */
function jobSummary(content: JobContent) {
  const { salary_range: salary } = content;
  return {
    title: content.title,
    company: content.company,
    remote: content.remote,
    employment_type: content.employment_type,
    experience_level: content.experience_level,
    salary: salary && { min: salary.min, max: salary.max, currency: salary.currency, period: salary.period },
    posted_date: content.posted_date,
    expires_date: content.expires_date,
    counts: { requirements: content.requirements.length, responsibilities: content.responsibilities.length, benefits: content.benefits.length },
  };
}

function unmapped(event: never): never {
  throw new Error(`No integration mapping for domain event ${(event as DomainEnvelope).type}`);
}
