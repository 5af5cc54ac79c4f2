import { z } from 'zod';
import { EmploymentType, ExperienceLevel, IsoDate, JobSource, JobStatus, RemotePolicy, SalaryPeriod } from '../jobs/job';
import { EducationLevel, Seniority } from '../jobs/keyword-analysis';
import { Uuid } from '../shared/primitives';
import { defineIntegrationEvent as integrationEvent } from './envelope';

/**
 * Topic `jobwise.jobs.v1`, key `job-<job id>`. A job posting is not personal data, but its free
 * text can be: so ids, enums, dates, counts, salary figures and skills only — never descriptions,
 * requirements, locations, URLs or reference numbers. Title and company are text a user may have
 * typed: they are published only for jobs nobody owns (the static catalogue, API and scraped
 * postings, `user_id` null) in `job.created`, and are null otherwise — always null in
 * `job.updated`, whose domain event does not say who wrote the content (a consumer keeps the
 * catalogue title it got from `job.created`).
 */
const SkillToken = z.string().min(1).max(100);
const Title = z.string().min(1).max(200);
const Count = z.number().int().nonnegative();

/** What a consumer may know of a job's content. */
const NAMES_RULE =
  'null unless the job is a public posting nobody owns (user_id null: catalogue, API, scraped) in job.created; always null in job.updated';
const summary = {
  title: Title.nullable().describe(`Job title: ${NAMES_RULE}`),
  company: Title.nullable().describe(`Hiring company: ${NAMES_RULE}`),
  remote: RemotePolicy.nullable(),
  employment_type: EmploymentType.nullable(),
  experience_level: ExperienceLevel.nullable(),
  salary: z
    .strictObject({ min: z.number().nonnegative(), max: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/), period: SalaryPeriod })
    .nullable(),
  posted_date: IsoDate.nullable(),
  expires_date: IsoDate.nullable(),
  counts: z.strictObject({ requirements: Count, responsibilities: Count, benefits: Count }),
};

export const JobCreatedV1 = integrationEvent(
  'job.created',
  1,
  z.strictObject({ job_id: Uuid, source: JobSource, user_id: Uuid.nullable(), status: z.enum(['draft', 'active']), ...summary }),
);
export const JobUpdatedV1 = integrationEvent('job.updated', 1, z.strictObject({ job_id: Uuid, ...summary }));
export const JobAnalyzedV1 = integrationEvent(
  'job.analyzed',
  1,
  z.strictObject({
    job_id: Uuid,
    analyzer_version: z.string().min(1).max(50),
    required_skills: z.array(SkillToken),
    preferred_skills: z.array(SkillToken),
    seniority: Seniority.nullable(),
    education_level: EducationLevel.nullable(),
    years_of_experience: z.strictObject({ min: Count.nullable(), max: Count.nullable() }).nullable(),
  }),
);
export const JobStatusChangedV1 = integrationEvent('job.status_changed', 1, z.strictObject({ job_id: Uuid, from: JobStatus, to: JobStatus }));
export const JobExpiredV1 = integrationEvent('job.expired', 1, z.strictObject({ job_id: Uuid, expires_date: IsoDate }));
export const JobDeletedV1 = integrationEvent('job.deleted', 1, z.strictObject({ job_id: Uuid, user_id: Uuid }));

export const JobIntegrationEventSchemas = [JobCreatedV1, JobUpdatedV1, JobAnalyzedV1, JobStatusChangedV1, JobExpiredV1, JobDeletedV1] as const;
export const JobIntegrationEvent = z.discriminatedUnion('event_type', JobIntegrationEventSchemas);
export type JobIntegrationEvent = z.infer<typeof JobIntegrationEvent>;
