import { GenerationListQuery, GenerationPage, GenerationView } from '../../contracts/generations/http';
import { GenerationDocument, GenerationsReadModel } from '../../contracts/generations/read-model';
import { JobDocument, JobsReadModel } from '../../contracts/jobs/read-model';
import { ProfileDocument, ProfilesReadModel } from '../../contracts/profiles/read-model';
import { live, withoutBookkeeping } from '../../contracts/shared/read-model';
import { Filter, ReadStore } from '../read-store/port';
import { DomainError } from '../shared/errors';

const notFound = () => new DomainError('GENERATION.NOT_FOUND', 'Generation not found');

/** The public view of a document: without whose it is, what was asked and what it produced. */
export function toView(doc: GenerationDocument): GenerationView {
  const { user_id: _user, estimated_tokens: _estimate, feedback: _feedback, ratings: _ratings, result: _result, ...view } = withoutBookkeeping(doc);
  return view;
}

const NEWEST_FIRST = { created_at: -1 } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads of `generations_v1`, and of the profile and job a generation is asked for, always scoped
 * to the caller: another user's generation, profile or job is reported as missing.
 */
export class GenerationQueries {
  constructor(private readonly store: ReadStore) {}

  private get generations() {
    return this.store.collection<GenerationDocument>(GenerationsReadModel.collection);
  }

  /** The caller's generation as stored (result included). */
  async owned(generation_id: string, user_id: string): Promise<GenerationDocument> {
    const doc = await this.generations.get(generation_id);
    if (!doc || doc._deleted || doc.user_id !== user_id) throw notFound();
    return doc;
  }

  /** Tokens the generations created since `since` spent (one user's, or everyone's). */
  async tokensSince(since: string, user_id?: string): Promise<number> {
    const docs = await this.generations.find(live({ created_at: { $gte: since }, ...(user_id ? { user_id } : {}) }));
    return docs.reduce((sum, doc) => sum + (doc.result.tokens ? doc.result.tokens.prompt + doc.result.tokens.completion : 0), 0);
  }

  /** How many of the user's generations are pending or running. */
  underWay(user_id: string): Promise<number> {
    return this.generations.count(live({ user_id, status: { $in: ['pending', 'running'] } }));
  }

  async view(generation_id: string, user_id: string): Promise<GenerationView> {
    return toView(await this.owned(generation_id, user_id));
  }

  /** The caller's generations, newest first; `total` counts every match. */
  async list(query: GenerationListQuery, user_id: string): Promise<GenerationPage> {
    const filter = await this.listFilter(query, user_id);
    const { limit, offset } = query;
    const [docs, total] = await Promise.all([this.generations.find(filter, { sort: NEWEST_FIRST, skip: offset, limit }), this.generations.count(filter)]);
    return { items: docs.map(toView), total, limit, offset };
  }

  private async listFilter(query: GenerationListQuery, user_id: string): Promise<Filter> {
    const clauses: Filter[] = [{ user_id }];
    if (query.status) clauses.push({ status: query.status });
    if (query.kind) clauses.push({ kind: query.kind });
    if (query.job_id) clauses.push({ job_id: await this.jobIdOf(query.job_id) });
    // Stored timestamps are UTC (`…Z`); a bound with another offset is compared as the same instant.
    if (query.created_from) clauses.push({ created_at: { $gte: new Date(query.created_from).toISOString() } });
    if (query.created_to) clauses.push({ created_at: { $lte: new Date(query.created_to).toISOString() } });
    return live({ $and: clauses });
  }

  /** A catalogue name (`static-001`) stands for its job's id; an unknown one matches nothing. */
  private async jobIdOf(ref: string): Promise<string> {
    if (UUID.test(ref)) return ref;
    const [job] = await this.jobs.find(live({ catalogue_id: ref, user_id: null }), { limit: 1 });
    return job?.id ?? ref;
  }

  private get jobs() {
    return this.store.collection<JobDocument>(JobsReadModel.collection);
  }

  /** The caller's profile (a generation draws on nobody else's). */
  async profile(profile_id: string, user_id: string): Promise<ProfileDocument> {
    const doc = await this.store.collection<ProfileDocument>(ProfilesReadModel.collection).get(profile_id);
    if (!doc || doc._deleted || doc.user_id !== user_id) throw new DomainError('PROFILE.NOT_FOUND', 'Profile not found');
    return doc;
  }

  /** A job of the caller's or one nobody owns, by id or by catalogue name. */
  async job(ref: string, user_id: string): Promise<JobDocument> {
    const doc = UUID.test(ref)
      ? await this.jobs.get(ref)
      : ((await this.jobs.find(live({ catalogue_id: ref, user_id: null }), { limit: 1 }))[0] ?? null);
    if (!doc || doc._deleted || (doc.user_id !== null && doc.user_id !== user_id)) throw new DomainError('JOB.NOT_FOUND', 'Job not found');
    return doc;
  }
}
