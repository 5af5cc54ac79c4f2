import { normalisedTitle } from '../contracts/job-search/features';
import { JobTrendDocument, JobTrendsReadModel } from '../contracts/job-search/read-model';
import { JobEventSchemas } from '../contracts/jobs/events';
import { JobContent } from '../contracts/jobs/job';
import { Projection } from '../contracts/shared/projection';
import { extractSkills } from '../src/keywords';

/**
 * `job_trends_v1`: for every job, the day it was posted (its `posted_date`, else the day it was
 * created), its normalised title and the canonical skills it mentions. Trending counts these
 * per day and skill / title over a window (src/job-search/trending.ts): counts of postings, not
 * estimates. Only published jobs everyone sees count (`counted`); a job that is deleted stops
 * counting, a draft counts from when it is made active.
 */
export const trendingProjection: Projection<JobTrendDocument> = {
  ...JobTrendsReadModel,
  owner: 'user_id',
  handles: JobEventSchemas.map((s) => s.shape.type.value),
  indexes: [{ fields: { day: 1 } }],
  documentId: (event) => event.stream_id.slice('job-'.length),
  evolve(current, event) {
    if (event.type === 'JobCreated') {
      const { job_id, user_id, status, content } = event.data;
      return { id: job_id, user_id, counted: user_id === null && status !== 'draft', ...fromContent(content, event.metadata.occurred_at) };
    }
    if (!current) return null;
    switch (event.type) {
      case 'JobUpdated':
        return { ...current, ...fromContent(event.data.content, `${current.day}T00:00:00.000Z`) };
      case 'JobStatusChanged':
        return { ...current, counted: current.counted || (current.user_id === null && event.data.to !== 'draft') };
      case 'JobDeleted':
        return null;
      default:
        return current;
    }
  },
};

function fromContent(content: JobContent, created_at: string) {
  const text = [content.title, content.description, ...content.requirements, ...content.responsibilities].join('\n');
  return {
    day: content.posted_date ?? created_at.slice(0, 10),
    title: normalisedTitle(content.title),
    skills: [...new Set(extractSkills(text).map((found) => found.skill))],
  };
}
