import { z } from 'zod';
import { IsoTimestamp, Uuid } from '../shared/primitives';
import { defineReadModel, page, ProjectedFields } from '../shared/read-model';
import { CatalogueId, ContentHash } from './events';
import { JobContentFields, JobSource, JobStatus } from './job';
import { KeywordAnalysis } from './keyword-analysis';

const Keyword = z.string().min(1).max(100);

/**
 * What GET /jobs/{id} returns: the unified job model. `version` is the number of events in the
 * job's stream. `status` is the effective status: an active job whose `expires_date` has passed
 * is shown as `expired` even before the expiry sweeper records it.
 *
 * Glossary: `keywords_extracted` are the canonical skills the analysis found (required, then
 * preferred); `priority_keywords` the same by descending weight; `skills` every canonical skill
 * the posting mentions anywhere, which the `skills` filter matches against.
 */
export const JobView = z.object({
  id: Uuid,
  source: JobSource,
  user_id: Uuid.nullable(),
  catalogue_id: CatalogueId.nullable(),
  ...JobContentFields,
  status: JobStatus,
  keywords_extracted: z.array(Keyword),
  ats_keywords: z.array(Keyword),
  priority_keywords: z.array(Keyword),
  analysis: KeywordAnalysis.nullable(),
  skills: z.array(Keyword),
  version: z.number().int().positive(),
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
});
export type JobView = z.infer<typeof JobView>;

/**
 * What job search ranks a job by, computed by the jobs projection with `search_terms`
 * (src/keywords/search/search-index.ts): `weights[i]` is the field-weighted weight of
 * `search_terms[i]`; the title's terms and words, and the other fields' terms as one string, for
 * the phrase and exact-word bonuses. Internal: never shown by the API.
 */
export const SearchIndex = z.object({
  version: z.number().int(),
  weights: z.array(z.number()),
  title: z.array(z.string()),
  title_words: z.array(z.string()),
  body: z.string(),
});
export type SearchIndex = z.infer<typeof SearchIndex>;

/**
 * The `jobs_v2` read-model document. Its `status` is the recorded one (queries derive the
 * effective one); `search_terms` are the normalised terms full-text search matches, and
 * `search_index` what ranking needs of them.
 */
export const JobDocument = JobView.extend({
  ...ProjectedFields,
  search_terms: z.array(z.string()),
  search_index: SearchIndex,
  content_hash: ContentHash,
  /** The position of the last event that wrote the document (absent on documents of older builds): what job search reads changes by. */
  changed_position: z.string().optional(),
});
export type JobDocument = z.infer<typeof JobDocument>;
export const JobsReadModel = defineReadModel('jobs_v2', JobDocument);

export const JobPage = page(JobView);
export type JobPage = z.infer<typeof JobPage>;
