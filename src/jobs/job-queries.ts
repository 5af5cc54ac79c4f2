import { JobSearchQuery } from '../../contracts/jobs/http';
import { JobDocument, JobPage, JobView } from '../../contracts/jobs/read-model';
import { live, withoutBookkeeping } from '../../contracts/shared/read-model';
import { JobsReadModel } from '../../contracts/jobs/read-model';
import { CheckpointStore, isEventPosition } from '../read-store/checkpoints';
import { Filter, ReadStore } from '../read-store/port';
import { DomainError } from '../shared/errors';
import { effectiveStatus } from './expiry';
import { jobFilter, JobScope } from './filters';
import { CandidateFacts, queryTerms, rankPage, SEARCH_INDEX_VERSION } from '../keywords';
import { RankedFields, TermSnapshot } from './term-snapshot';

const notFound = () => new DomainError('JOB.NOT_FOUND', 'Job not found');

/** The public view of a document, with the status in effect `today`. */
export function toView(doc: JobDocument, today: string): JobView {
  const { search_terms: _terms, search_index: _index, content_hash: _hash, changed_position: _position, ...view } = withoutBookkeeping(doc);
  return { ...view, status: effectiveStatus(doc, today) };
}

/** What ranking reads of each candidate (thousands per query): the stored index, not the posting. */
const RANKED_FIELDS = ['search_terms', 'search_index'] as const;
/** What ranking reads of a candidate whose stored index is of another version: the posting, analysed at query time. */
const POSTING_FIELDS = ['id', 'title', 'company', 'description', 'requirements', 'responsibilities', 'search_terms'] as const;

/** Newest postings first; jobs without a posting date after those with one. */
const NEWEST_FIRST = { posted_date: -1, created_at: -1 } as const;

/** Reads of the `jobs_v2` read model, always scoped to what the caller may see. */
export class JobQueries {
  private readonly checkpoints: CheckpointStore;
  /** The ranked fields of every job as of a change marker of the jobs projection, being read or read (see `snapshotAt`). */
  private snapshot: { marker: string; ready: Promise<TermSnapshot> } | null = null;
  /** The last snapshot read, whose postings the next one takes over. */
  private lastRead: TermSnapshot | undefined;

  constructor(private readonly store: ReadStore) {
    this.checkpoints = new CheckpointStore(store);
  }

  private get jobs() {
    return this.store.collection<JobDocument>(JobsReadModel.collection);
  }

  /** Jobs nobody owns are visible to all; another user's job is reported as missing. */
  async visible(job_id: string, user_id: string, today: string): Promise<JobView> {
    const doc = await this.jobs.get(job_id);
    if (!doc || doc._deleted || (doc.user_id !== null && doc.user_id !== user_id)) throw notFound();
    return toView(doc, today);
  }

  /** A page of matches; with `q`, ranked by relevance, otherwise newest first. `total` counts every match. */
  async search(query: JobSearchQuery, scope: JobScope, today: string): Promise<JobPage> {
    const filter = jobFilter(query, scope, today);
    const { limit, offset } = query;
    if (query.q) {
      const ranked = await this.ranked(query.q, filter, offset, limit);
      const page = await this.inOrder(ranked.page.map((doc) => doc._id));
      return { items: page.map((doc) => toView(doc, today)), total: ranked.total, limit, offset };
    }
    const [docs, total] = await Promise.all([this.jobs.find(filter, { sort: NEWEST_FIRST, skip: offset, limit }), this.jobs.count(filter)]);
    return { items: docs.map((doc) => toView(doc, today)), total, limit, offset };
  }

  /**
   * Candidates share a term with the query; term frequencies over every job the filters allow
   * make a rare term weigh more than a common one. Every job the filters allow that has a query
   * term is a candidate, so the candidates give those frequencies exactly, without a count per
   * term. Only the page is ordered. Candidates come from the snapshot of the jobs' terms while
   * the jobs projection has a change marker, from the store (narrowed by the `search_terms`
   * index) before it has one.
   */
  private async ranked(q: string, filter: Filter, offset: number, limit: number): Promise<{ page: RankedFields[]; total: number }> {
    const terms = queryTerms(q);
    if (terms.length === 0) return { page: [], total: 0 };
    const { candidates, documentCount, facts, outdated } = await this.candidates(terms, filter);
    return rankPage(q, await this.withPostings(candidates, outdated), { candidatesOf: { documentCount, facts }, offset, limit });
  }

  private async candidates(terms: string[], filter: Filter): Promise<{ candidates: RankedFields[]; documentCount: number; facts?: CandidateFacts; outdated?: string[] }> {
    const marker = await this.checkpoints.changedAt(JobsReadModel.name);
    if (marker === '') {
      const [candidates, documentCount] = await Promise.all([
        this.jobs.find({ $and: [filter, { search_terms: { $in: terms } }] }, { fields: RANKED_FIELDS, readOnly: true, unordered: true }) as Promise<RankedFields[]>,
        this.jobs.count(filter),
      ]);
      return { candidates, documentCount };
    }
    const snapshot = await this.snapshotAt(marker);
    const allowed = await snapshot.allowed(JSON.stringify(filter), async (among) => {
      const asked = among ? { $and: [filter, { _id: { $in: [...among] } }] } : filter;
      return (await this.jobs.find(asked, { fields: [], readOnly: true, unordered: true })).map((doc) => doc._id);
    });
    const { docs, facts, outdated } = snapshot.candidates(terms, allowed);
    return { candidates: docs, documentCount: allowed.count, facts, outdated };
  }

  /**
   * The snapshot of the jobs' ranked fields for `marker` (the projection's change marker: see
   * `CheckpointStore.changedAt`), read once while the marker stays. The projector saves the
   * marker after a batch's documents are written and it is read here before the documents, so a
   * snapshot is never older than the marker it is filed under: a new or changed job, an erasure
   * or a rebuild moves the marker and the next search reads the jobs again. Concurrent searches
   * share one read.
   */
  private snapshotAt(marker: string): Promise<TermSnapshot> {
    if (this.snapshot?.marker === marker) return this.snapshot.ready;
    const ready = this.readSnapshot(marker, this.lastRead).then((read) => (this.lastRead = read));
    const snapshot = { marker, ready };
    this.snapshot = snapshot;
    ready.catch(() => {
      if (this.snapshot === snapshot) this.snapshot = null;
    });
    return ready;
  }

  /**
   * After a snapshot filed under an event position, only the jobs written since (each stamped
   * with the position of the event that wrote it, `changed_position`) are read. Deletions carry
   * no stamp (a deleted job's tombstone, an erasure), so the live jobs are counted first: when
   * the snapshot brought forward holds another number of jobs, one was deleted (or written after
   * the count) and every job is read again. Anything but a position (a rebuild's switch) means
   * reading every job too.
   */
  private async readSnapshot(marker: string, previous: TermSnapshot | undefined): Promise<TermSnapshot> {
    if (previous && isEventPosition(previous.marker) && isEventPosition(marker)) {
      const count = await this.jobs.count(live({}));
      const written = (await this.jobs.find(live({ changed_position: { $gt: previous.marker } }), { fields: RANKED_FIELDS, readOnly: true, unordered: true })) as RankedFields[];
      const next = previous.advance(marker, written);
      if (next.size === count) return next;
    }
    const docs = (await this.jobs.find(live({}), { fields: RANKED_FIELDS, readOnly: true, unordered: true })) as RankedFields[];
    return new TermSnapshot(marker, docs, previous);
  }

  /**
   * Candidates whose stored index is of another version (projected by an older build; `outdated`
   * when the caller knows which) get their posting.
   */
  private async withPostings(candidates: RankedFields[], known?: string[]): Promise<RankedFields[]> {
    const outdated = known ?? candidates.filter((doc) => doc.search_index?.version !== SEARCH_INDEX_VERSION).map((doc) => doc._id);
    if (outdated.length === 0) return candidates;
    const postings = new Map((await this.jobs.find({ _id: { $in: outdated } }, { fields: POSTING_FIELDS })).map((doc) => [doc._id, doc]));
    return candidates.map((doc) => postings.get(doc._id) ?? doc);
  }

  /** The whole documents of a page of ids, in that order. */
  private async inOrder(ids: string[]): Promise<JobDocument[]> {
    const found = new Map((await this.jobs.find({ _id: { $in: ids } })).map((doc) => [doc._id, doc]));
    return ids.flatMap((id) => found.get(id) ?? []);
  }
}
