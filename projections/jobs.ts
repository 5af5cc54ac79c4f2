import { JobEventSchemas } from '../contracts/jobs/events';
import { JobContent } from '../contracts/jobs/job';
import { KeywordAnalysis } from '../contracts/jobs/keyword-analysis';
import { JobDocument, JobsReadModel } from '../contracts/jobs/read-model';
import { extractSkills, searchFields } from '../src/keywords';
import { Projection } from '../contracts/shared/projection';

/**
 * `jobs_v2`: one document per job, serving GET /jobs (search and filters), /jobs/my-jobs and
 * /jobs/{id}. What queries filter on is computed here, once per content change: the canonical
 * skills the posting mentions (`skills`), the normalised full-text terms (`search_terms`) and
 * what ranking needs of them (`search_index`), so a search never analyses a posting.
 */
export const jobsProjection: Projection<JobDocument> = {
  ...JobsReadModel,
  owner: 'user_id',
  handles: JobEventSchemas.map((s) => s.shape.type.value),
  indexes: [{ fields: { user_id: 1, status: 1 } }, { fields: { search_terms: 1 } }, { fields: { skills: 1 } }, { fields: { posted_date: -1 } }, { fields: { changed_position: 1 } }],
  documentId: (event) => event.stream_id.slice('job-'.length),
  evolve(current, event) {
    // `changed_position`: job search reads the jobs written since its snapshot's marker (src/jobs/term-snapshot.ts).
    const stamp = { version: event.revision + 1, updated_at: event.metadata.occurred_at, changed_position: event.position };
    if (event.type === 'JobCreated') {
      const { job_id, source, user_id, status, catalogue_id, content, content_hash } = event.data;
      return {
        id: job_id,
        source,
        user_id,
        catalogue_id,
        status,
        ...withContent(content, content_hash),
        ...stamp,
        created_at: event.metadata.occurred_at,
      };
    }
    if (!current) return null;
    switch (event.type) {
      case 'JobUpdated':
        return { ...current, ...withContent(event.data.content, event.data.content_hash), ...stamp };
      case 'JobAnalyzed':
        // An analysis of content that has since been replaced describes nothing on this document.
        if (event.data.content_hash !== current.content_hash) return { ...current, ...stamp };
        return { ...current, ...keywords(event.data.analysis), ...stamp };
      case 'JobStatusChanged':
        return { ...current, status: event.data.to, ...stamp };
      case 'JobExpired':
        return { ...current, status: 'expired', ...stamp };
      case 'JobDeleted':
        return null;
      default:
        return current;
    }
  },
};

/** New content: its derived search fields, and no analysis until one of this content arrives. */
function withContent(content: JobContent, content_hash: string) {
  return {
    ...content,
    content_hash,
    skills: mentionedSkills(content),
    ...searchFields(content),
    ...keywords(null),
  };
}

function keywords(analysis: KeywordAnalysis | null) {
  return {
    analysis,
    keywords_extracted: analysis ? [...analysis.required_skills, ...analysis.preferred_skills] : [],
    ats_keywords: analysis ? analysis.ats_keywords : [],
    priority_keywords: analysis ? analysis.priority_keywords.map((k) => k.keyword) : [],
  };
}

/** Canonical names of every skill the posting mentions outside its benefits. */
function mentionedSkills(content: JobContent): string[] {
  const text = [content.title, content.description, ...content.requirements, ...content.responsibilities].join('\n');
  return extractSkills(text).map((found) => found.skill);
}
