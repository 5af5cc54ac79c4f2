import { ANNUAL_FACTOR } from '../contracts/job-search/filters';
import { LEVEL_OF_EXPERIENCE, LEVEL_OF_SENIORITY, normalisedTitle, titleWithoutSeniority } from '../contracts/job-search/features';
import { JobSearchDocument, JobSearchReadModel } from '../contracts/job-search/read-model';
import { JobEventSchemas } from '../contracts/jobs/events';
import { JobContent } from '../contracts/jobs/job';
import { KeywordAnalysis } from '../contracts/jobs/keyword-analysis';
import { Projection } from '../contracts/shared/projection';
import { Unprojected } from '../contracts/shared/read-model';
import { extractSkills, queryTerms } from '../src/keywords';

type Doc = Unprojected<JobSearchDocument>;

/**
 * `job_search_v1`: what GET /api/v1/job-search and its recommendations read. One small document
 * per job, with its ranking features computed here, once per change: the skills it asks for
 * (required and preferred), its title's terms without seniority words, its seniority level and
 * its annual top salary; and for trending, the day it was posted, its normalised title and whether
 * it counts (see JobSearchDocument). Search reads these documents whole, so they hold no description.
 */
export const jobSearchProjection: Projection<JobSearchDocument> = {
  ...JobSearchReadModel,
  owner: 'user_id',
  handles: JobEventSchemas.map((s) => s.shape.type.value),
  indexes: [{ fields: { user_id: 1, status: 1 } }, { fields: { status: 1 } }, { fields: { trend_day: 1 } }],
  documentId: (event) => event.stream_id.slice('job-'.length),
  evolve(current, event) {
    if (event.type === 'JobCreated') {
      const { job_id, source, user_id, status, content, content_hash } = event.data;
      const created_at = event.metadata.occurred_at;
      return { id: job_id, source, user_id, status, created_at, counted: user_id === null && status !== 'draft', ...fromContent(content, content_hash, created_at) };
    }
    if (!current) return null;
    switch (event.type) {
      case 'JobUpdated':
        return { ...current, ...fromContent(event.data.content, event.data.content_hash, current.created_at) };
      case 'JobAnalyzed':
        // An analysis of content that has since been replaced says nothing about this content (as in jobs_v2).
        if (event.data.content_hash !== current.content_hash) return current;
        return { ...current, ...fromAnalysis(current, event.data.analysis) };
      case 'JobStatusChanged':
        return { ...current, status: event.data.to, counted: current.counted || (current.user_id === null && event.data.to !== 'draft') };
      case 'JobExpired':
        return { ...current, status: 'expired' };
      case 'JobDeleted':
        return null;
      default:
        return current;
    }
  },
};

type ContentFields = Omit<Doc, 'id' | 'source' | 'user_id' | 'status' | 'created_at' | 'counted'>;

/** New content: its features, every mentioned skill required until an analysis of this content splits them. */
function fromContent(content: JobContent, content_hash: string, created_at: string): ContentFields {
  const skills = mentionedSkills(content);
  return {
    content_hash,
    title: content.title,
    company: content.company,
    location: content.location,
    remote: content.remote,
    employment_type: content.employment_type,
    experience_level: content.experience_level,
    salary_range: content.salary_range,
    posted_date: content.posted_date,
    expires_date: content.expires_date,
    skills,
    required_skills: skills,
    preferred_skills: [] as string[],
    title_terms: queryTerms(titleWithoutSeniority(content.title)),
    level: content.experience_level ? LEVEL_OF_EXPERIENCE[content.experience_level] : null,
    salary_annual_max: content.salary_range ? content.salary_range.max * ANNUAL_FACTOR[content.salary_range.period] : null,
    trend_day: content.posted_date ?? created_at.slice(0, 10),
    trend_title: normalisedTitle(content.title),
  };
}

/** The analysis (of this content) splits the mentioned skills into required and preferred and may know the seniority. */
function fromAnalysis(current: Pick<Doc, 'skills' | 'experience_level'>, analysis: KeywordAnalysis) {
  const mentioned = new Set(current.skills);
  const preferred = analysis.preferred_skills.filter((s) => mentioned.has(s));
  const required = [...analysis.required_skills.filter((s) => mentioned.has(s)), ...current.skills.filter((s) => !analysis.required_skills.includes(s) && !preferred.includes(s))];
  const level = current.experience_level ? LEVEL_OF_EXPERIENCE[current.experience_level] : analysis.seniority ? LEVEL_OF_SENIORITY[analysis.seniority] : null;
  return { required_skills: [...new Set(required)], preferred_skills: [...new Set(preferred)], level };
}

/** Canonical names of every skill the posting mentions outside its benefits (as jobs_v2 `skills`), each once. */
function mentionedSkills(content: JobContent): string[] {
  const text = [content.title, content.description, ...content.requirements, ...content.responsibilities].join('\n');
  return [...new Set(extractSkills(text).map((found) => found.skill))];
}
