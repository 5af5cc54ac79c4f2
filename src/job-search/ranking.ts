import { JobSearchFilters } from '../../contracts/job-search/filters';
import { JobSearchPage, JobSearchResult, MatchExplanation, RankedBy, ResultExplanation } from '../../contracts/job-search/http';
import { JobSearchDocument, JobSearchJob } from '../../contracts/job-search/read-model';
import { facetCounts } from './facets';
import { filterPredicates } from './filter-match';
import { matchJob, matchScore, ProfileFeatures } from './profile-match';

export interface SearchInput {
  /** Every job the caller may see that is in effect active today. */
  jobs: JobSearchDocument[];
  filters: JobSearchFilters;
  today: string;
  profile: ProfileFeatures | null;
  /** With `q`: the ids of the jobs matching it, most relevant first; null without `q`. */
  relevance: string[] | null;
  limit: number;
  offset: number;
}

const NO_PROFILE: MatchExplanation = { profile_used: false, match_score: null, parts: [], matched_skills: [], missing_skills: [], missing_preferred_skills: [] };

/**
 * One search, in memory over the read model's documents: `q` narrows (and ranks) first, the
 * filters keep the jobs `matchesFilters` would keep (the same predicates), facets count over
 * the rest, and the order is the profile match, the relevance to `q`, both, or the newest
 * first (see RankedBy). `total` counts every match, not the page.
 */
export function searchJobs(input: SearchInput): JobSearchPage {
  const { filters, today, profile, relevance, limit, offset } = input;
  const rankOf = relevance ? new Map(relevance.map((id, i) => [id, i + 1])) : null;
  const base = rankOf ? input.jobs.filter((job) => rankOf.has(job.id)) : input.jobs;
  const tests = Object.values(filterPredicates(filters, today));
  const matches = base.filter((job) => tests.every((test) => test(job)));
  const ranked_by: RankedBy = profile ? (rankOf ? 'profile_and_relevance' : 'profile') : rankOf ? 'relevance' : 'newest';
  // Every match is scored (cheaply); only the page's results get their full explanation.
  const scored = matches.map((job) => {
    const match_score = profile ? matchScore(profile, job) : null;
    const rank = rankOf?.get(job.id) ?? null;
    const relevancePoints = rank === null ? null : 100 * (1 - (rank - 1) / rankOf!.size);
    const score =
      ranked_by === 'profile' ? match_score! : ranked_by === 'relevance' ? relevancePoints! : ranked_by === 'profile_and_relevance' ? (relevancePoints! + match_score!) / 2 : null;
    return { job, rank, score: score === null ? null : Math.round(score * 10) / 10 };
  });
  scored.sort(ranked_by === 'newest' ? newestFirst : (a, b) => b.score! - a.score! || byId(a.job, b.job));
  const items: JobSearchResult[] = scored.slice(offset, offset + limit).map(({ job, rank, score }) => ({
    job: toJob(job),
    explanation: explain(profile ? matchJob(profile, job) : NO_PROFILE, ranked_by, score, rank, rankOf?.size ?? 0),
  }));
  return { items, total: matches.length, limit, offset, ranked_by, profile_used: profile !== null, facets: facetCounts(base, filterPredicates(filters, today), today) };
}

export function explain(match: MatchExplanation, ranked_by: RankedBy, rank_score: number | null, relevance_rank: number | null, of: number): ResultExplanation {
  return { ...match, ranked_by, rank_score, relevance_rank, summary: summary(match, ranked_by, relevance_rank, of) };
}

function summary(match: MatchExplanation, ranked_by: RankedBy, rank: number | null, of: number): string {
  const relevance = rank === null ? '' : `relevance rank ${rank} of ${of} for the words searched`;
  if (!match.profile_used) {
    const base = 'No profile: create one (POST /api/v1/profiles) to rank jobs by how well they fit you.';
    return ranked_by === 'relevance' ? `${base} Ranked by ${relevance}.` : `${base} Newest postings first.`;
  }
  const skills = match.matched_skills.length > 0 ? `you have ${match.matched_skills.join(', ')}` : 'none of its skills are on your profile';
  const missing = match.missing_skills.length > 0 ? `; missing ${match.missing_skills.join(', ')}` : '';
  const blended = ranked_by === 'profile_and_relevance' ? `; ${relevance}, averaged with the match` : '';
  return `Match ${match.match_score}/100: ${skills}${missing}${blended}.`;
}

export function toJob(doc: JobSearchDocument): JobSearchJob {
  const { id, source, user_id, title, company, location, remote, employment_type, experience_level, salary_range, posted_date, expires_date, status, skills, created_at } = doc;
  return { id, source, user_id, title, company, location, remote, employment_type, experience_level, salary_range, posted_date, expires_date, status, skills, created_at };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Newest posting first; jobs without a posting date after those with one; then newest created; then id. */
function newestFirst(a: { job: JobSearchDocument }, b: { job: JobSearchDocument }): number {
  const pa = a.job.posted_date ?? '';
  const pb = b.job.posted_date ?? '';
  if (pa !== pb) return pa < pb ? 1 : -1;
  if (a.job.created_at !== b.job.created_at) return a.job.created_at < b.job.created_at ? 1 : -1;
  return byId(a.job, b.job);
}
