import { IntegrationTopics } from '../../../contracts/integration';
import * as J from '../../../contracts/integration/jobs';
import { JobEvent } from '../../../contracts/jobs/events';
import { JobContent } from '../../../contracts/jobs/job';
import { streamEntityId } from '../../shared/streams';
import { AggregateMapping, build, on } from './build';

const jobs = on(IntegrationTopics.jobs);

/**
 * Job events → `jobwise.jobs.v1`: ids, enums, dates, counts, salary figures and skills. Title and
 * company only for a job nobody owns (catalogue, API, scraped: public postings) in `job.created`;
 * a user's own or imported job's title and company are text the user wrote, so they stay null,
 * and `job.updated` never carries them (its domain event does not say whose job it is).
 */
export const JOB_MAPPINGS: AggregateMapping<JobEvent['type']> = {
  JobCreated: (event) => {
    const { source, user_id, status, content } = event.data;
    const publicPosting = user_id === null;
    return jobs(event, build(J.JobCreatedV1, event, { job_id: event.data.job_id, source, user_id, status, ...jobSummary(content, publicPosting) }));
  },
  JobUpdated: (event) =>
    jobs(event, build(J.JobUpdatedV1, event, { job_id: streamEntityId(event.stream_id), ...jobSummary(event.data.content, false) })),
  JobAnalyzed: (event) => {
    const { analyzer_version, required_skills, preferred_skills, seniority, education_level, years_of_experience } = event.data.analysis;
    return jobs(
      event,
      build(J.JobAnalyzedV1, event, {
        job_id: streamEntityId(event.stream_id),
        analyzer_version,
        required_skills: [...required_skills],
        preferred_skills: [...preferred_skills],
        seniority,
        education_level,
        years_of_experience: years_of_experience && { min: years_of_experience.min, max: years_of_experience.max },
      }),
    );
  },
  JobStatusChanged: (event) =>
    jobs(event, build(J.JobStatusChangedV1, event, { job_id: streamEntityId(event.stream_id), from: event.data.from, to: event.data.to })),
  JobExpired: (event) => jobs(event, build(J.JobExpiredV1, event, { job_id: streamEntityId(event.stream_id), expires_date: event.data.expires_date })),
  JobDeleted: (event) => jobs(event, build(J.JobDeletedV1, event, { job_id: event.data.job_id, user_id: event.data.user_id })),
};

/** Enums, dates, salary figures and counts, title and company only when `withNames`: never the posting's free text. */
function jobSummary(content: JobContent, withNames: boolean) {
  const { salary_range: salary } = content;
  return {
    title: withNames ? content.title : null,
    company: withNames ? content.company : null,
    remote: content.remote,
    employment_type: content.employment_type,
    experience_level: content.experience_level,
    salary: salary && { min: salary.min, max: salary.max, currency: salary.currency, period: salary.period },
    posted_date: content.posted_date,
    expires_date: content.expires_date,
    counts: { requirements: content.requirements.length, responsibilities: content.responsibilities.length, benefits: content.benefits.length },
  };
}
