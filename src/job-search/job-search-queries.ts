import { ApplicationDocument, ApplicationsReadModel } from '../../contracts/applications/read-model';
import { JobSearchFilters } from '../../contracts/job-search/filters';
import { JobSearchPage, JobSearchParams, JobSearchResult, RecommendationList, RecommendationParams, TrendingParams, TrendingReport } from '../../contracts/job-search/http';
import { JobSearchDocument, JobSearchReadModel } from '../../contracts/job-search/read-model';
import { JobDocument, JobsReadModel } from '../../contracts/jobs/read-model';
import { ProfileSummary } from '../../contracts/profiles/read-model';
import { live } from '../../contracts/shared/read-model';
import { documentFrequencies, queryTerms, rankJobs } from '../keywords';
import { CheckpointStore } from '../read-store/checkpoints';
import { ReadStore } from '../read-store/port';
import { DomainError } from '../shared/errors';
import { matchJob, matchScore, profileFeatures, ProfileFeatures } from './profile-match';
import { searchJobs, toJob } from './ranking';
import { trendingReport, trendWindows } from './trending';

/** The caller's profile, condensed (null when they have none): supplied by the composition root. */
export type ProfileOf = (user_id: string, now: string) => Promise<ProfileSummary | null>;

/** Application statuses that mean the user has applied: such jobs are not recommended again. */
const APPLIED = new Set(['applied', 'interviewing', 'offer_received', 'accepted', 'rejected', 'withdrawn']);

const todayOf = (now: string) => now.slice(0, 10);
const notFound = () => new DomainError('JOB.NOT_FOUND', 'Job not found');

/**
 * Reads of the Job Search API. Every read is scoped to what the caller may see: jobs nobody owns
 * (the catalogue, job boards) and the caller's own; never another user's.
 */
export class JobSearchQueries {
  private readonly checkpoints: CheckpointStore;
  /** Every active job document, as of a change marker of the job-search projection (see `activeJobs`). */
  private cached: { marker: string; docs: JobSearchDocument[] } | null = null;

  constructor(
    private readonly store: ReadStore,
    private readonly profileOf: ProfileOf,
  ) {
    this.checkpoints = new CheckpointStore(store);
  }

  private get jobs() {
    return this.store.collection<JobSearchDocument>(JobSearchReadModel.collection);
  }

  /**
   * Jobs the caller may see that are in effect active today (an active job past its
   * `expires_date` counts as expired, as on GET /jobs). Documents are small (no description):
   * a search reads them all and does the rest in memory.
   */
  async visibleActive(user_id: string, today: string): Promise<JobSearchDocument[]> {
    const docs = await this.activeJobs();
    return docs.filter((doc) => (doc.user_id === null || doc.user_id === user_id) && (doc.expires_date === null || doc.expires_date >= today));
  }

  /**
   * Every active job document (all owners; callers narrow to what the user may see), kept in
   * memory while the projection's change marker (`CheckpointStore.changedAt`: the last event it
   * was handed, not every event it passed) stays where it was. The projector saves it after the
   * documents of a batch are written, and it is read before the documents, so the copy kept is
   * never older than the marker it is filed under: a new job, a change, an erasure or a rebuild
   * means the next search reads the documents again; writes elsewhere (profiles, documents) do
   * not. Without a marker (nothing projected yet) nothing is kept. The copy is never changed.
   */
  private async activeJobs(): Promise<JobSearchDocument[]> {
    const marker = await this.checkpoints.changedAt(JobSearchReadModel.name);
    if (marker !== '' && this.cached?.marker === marker) return this.cached.docs;
    const docs = await this.jobs.find(live({ status: 'active' }));
    if (marker !== '') this.cached = { marker, docs };
    return docs;
  }

  async features(user_id: string, now: string): Promise<ProfileFeatures | null> {
    const profile = await this.profileOf(user_id, now);
    return profile ? profileFeatures(profile) : null;
  }

  async search(params: JobSearchParams, user_id: string, now: string): Promise<JobSearchPage> {
    const today = todayOf(now);
    const { q, limit, offset, ...rest } = params;
    const filters: JobSearchFilters = JobSearchFilters.parse(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
    const [jobs, profile] = await Promise.all([this.visibleActive(user_id, today), this.features(user_id, now)]);
    const relevance = q ? await this.relevance(q, user_id, today, jobs.length) : null;
    return searchJobs({ jobs, filters, today, profile, relevance, limit, offset });
  }

  /**
   * The ids of the visible active jobs that match `q`, most relevant first: API-2's ranking
   * (docs/decisions/0006-job-search.md) over the `jobs_v2` documents that share a term with `q`.
   */
  private async relevance(q: string, user_id: string, today: string, documentCount: number): Promise<string[]> {
    const terms = queryTerms(q);
    if (terms.length === 0) return [];
    const visible = { status: 'active', user_id: { $in: [null, user_id] }, search_terms: { $in: terms } };
    const candidates = (await this.store.collection<JobDocument>(JobsReadModel.collection).find(live(visible))).filter(
      (doc) => doc.expires_date === null || doc.expires_date >= today,
    );
    const documentFrequency = documentFrequencies(terms, candidates);
    return rankJobs(q, candidates, { corpus: { documentCount: Math.max(documentCount, candidates.length), documentFrequency } }).map((doc) => doc.id);
  }

  /**
   * The caller's best matches: visible active jobs with a match score above 0, not ones they
   * applied to, highest score first and by id among equals, so the same data gives the same list.
   */
  async recommendations(params: RecommendationParams, user_id: string, now: string): Promise<RecommendationList> {
    const today = todayOf(now);
    const profile = await this.features(user_id, now);
    if (!profile) throw new DomainError('PROFILE.NOT_FOUND', 'You have no profile yet; create one with POST /api/v1/profiles to get recommendations');
    const [jobs, applications] = await Promise.all([
      this.visibleActive(user_id, today),
      this.store.collection<ApplicationDocument>(ApplicationsReadModel.collection).find(live({ user_id })),
    ]);
    const applied = new Set(applications.filter((a) => APPLIED.has(a.status)).map((a) => a.job_id));
    const candidates = jobs.filter((job) => !applied.has(job.id));
    const scored = candidates
      .map((job) => ({ job, score: matchScore(profile, job) }))
      .filter(({ score }) => score > 0)
      .sort((a, b) => b.score - a.score || (a.job.id < b.job.id ? -1 : a.job.id > b.job.id ? 1 : 0));
    return {
      items: scored.slice(0, params.limit).map(({ job }) => ({ job: toJob(job), explanation: matchJob(profile, job) })),
      excluded_applied: jobs.length - candidates.length,
    };
  }

  /** How one job the caller may see matches their profile (JOB.NOT_FOUND for another user's job). */
  async match(job_id: string, user_id: string, now: string): Promise<JobSearchResult> {
    const doc = await this.jobs.get(job_id);
    if (!doc || doc._deleted || (doc.user_id !== null && doc.user_id !== user_id)) throw notFound();
    const profile = await this.features(user_id, now);
    // No filters: the one job is always the one result.
    return searchJobs({ jobs: [doc], filters: {}, today: todayOf(now), profile, relevance: null, limit: 1, offset: 0 }).items[0]!;
  }

  async trending(params: TrendingParams, now: string): Promise<TrendingReport> {
    const today = todayOf(now);
    const window = Number(params.window);
    const { previous, current } = trendWindows(today, window);
    const docs = await this.jobs.find(live({ trend_day: { $gte: previous.from, $lte: current.to }, counted: true }));
    return trendingReport(docs, today, window, params.limit);
  }
}
