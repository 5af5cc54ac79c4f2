import { DocumentAnalytics, DocumentListQuery, DocumentPage, DocumentView, UsageStats, VersionView } from '../../contracts/documents/http';
import { DocumentDocument, DocumentsReadModel } from '../../contracts/documents/read-model';
import { live, withoutBookkeeping } from '../../contracts/shared/read-model';
import { Filter, ReadStore } from '../read-store/port';
import { DomainError } from '../shared/errors';

const notFound = () => new DomainError('DOCUMENT.NOT_FOUND', 'Document not found');
const NEWEST_FIRST = { created_at: -1 } as const;
const FORMATS = ['pdf', 'docx', 'html', 'md', 'txt'] as const;
const WEEK_MS = 7 * 86_400_000;

/** The public view: without whose it is, the versions' content, the share links and the counters. */
export function toView(doc: DocumentDocument): DocumentView {
  const { user_id: _u, person_name: _p, job_title: _j, company: _c, generation_ids: _g, versions: _v, shares: _s, stats: _st, ...view } = withoutBookkeeping(doc);
  return view;
}

/**
 * Reads of `documents_v1`, always scoped to the caller: another user's document is reported as
 * missing. Share links are found by their token's hash only.
 */
export class DocumentQueries {
  constructor(private readonly store: ReadStore) {}

  private get documents() {
    return this.store.collection<DocumentDocument>(DocumentsReadModel.collection);
  }

  async owned(document_id: string, user_id: string): Promise<DocumentDocument> {
    const doc = await this.documents.get(document_id);
    if (!doc || doc._deleted || doc.user_id !== user_id) throw notFound();
    return doc;
  }

  async view(document_id: string, user_id: string): Promise<DocumentView> {
    return toView(await this.owned(document_id, user_id));
  }

  async version(document_id: string, user_id: string, n: number): Promise<VersionView> {
    const doc = await this.owned(document_id, user_id);
    const version = doc.versions.find((v) => v.version === n);
    if (!version) throw new DomainError('DOCUMENT.VERSION_NOT_FOUND', `The document has no version ${n}`);
    return version;
  }

  /** The caller's documents, newest first; `total` counts every match. */
  async list(query: DocumentListQuery, user_id: string): Promise<DocumentPage> {
    const clauses: Filter[] = [{ user_id }];
    if (query.type) clauses.push({ type: query.type });
    if (query.job_id) clauses.push({ job_id: query.job_id });
    if (query.generation_id) clauses.push({ generation_ids: query.generation_id });
    if (query.tag) clauses.push({ tags: query.tag });
    if (query.created_from) clauses.push({ created_at: { $gte: new Date(query.created_from).toISOString() } });
    if (query.created_to) clauses.push({ created_at: { $lte: new Date(query.created_to).toISOString() } });
    const filter = live({ $and: clauses });
    const { limit, offset } = query;
    const [docs, total] = await Promise.all([this.documents.find(filter, { sort: NEWEST_FIRST, skip: offset, limit }), this.documents.count(filter)]);
    return { items: docs.map(toView), total, limit, offset };
  }

  /** The live document holding the share link with this token hash, or null. */
  async byShareToken(token_hash: string): Promise<DocumentDocument | null> {
    const [doc] = await this.documents.find(live({ 'shares.token_hash': token_hash }), { limit: 1 });
    return doc ?? null;
  }

  /** Live documents whose retention ran out by `now` (oldest first). */
  async expiredBy(now: string, limit = 100): Promise<DocumentDocument[]> {
    return this.documents.find(live({ expires_at: { $lte: now } }), { sort: { expires_at: 1 }, limit });
  }

  async analytics(document_id: string, user_id: string): Promise<DocumentAnalytics> {
    const doc = await this.owned(document_id, user_id);
    const { exports, owner_downloads, share_downloads, share_views, last_exported_at, last_downloaded_at, last_viewed_at } = doc.stats;
    const by_owner = sum(owner_downloads);
    const through_shares = sum(share_downloads);
    return {
      document_id: doc.id,
      versions: doc.versions_count,
      current_version: doc.current_version,
      ats_scores: doc.versions.map(({ version, ats_score }) => ({ version, ats_score })),
      exports: { total: sum(exports), by_format: exports },
      downloads: { total: by_owner + through_shares, by_owner, through_shares, by_format: addUp([owner_downloads, share_downloads]) },
      share_views,
      shares: doc.shares.map(({ token_hash: _t, password_hash: _p, ...share }) => share),
      last_exported_at,
      last_downloaded_at,
      last_viewed_at,
    };
  }

  async usage(user_id: string, now: string): Promise<UsageStats> {
    const docs = await this.documents.find(live({ user_id }));
    const exports = addUp(docs.map((d) => d.stats.exports));
    const shares = docs.flatMap((d) => d.shares);
    const soon = new Date(Date.parse(now) + WEEK_MS).toISOString();
    return {
      documents: { total: docs.length, resume: docs.filter((d) => d.type === 'resume').length, cover_letter: docs.filter((d) => d.type === 'cover_letter').length },
      versions: docs.reduce((n, d) => n + d.versions_count, 0),
      exports: { total: sum(exports), by_format: exports },
      downloads: docs.reduce((n, d) => n + sum(d.stats.owner_downloads) + sum(d.stats.share_downloads), 0),
      share_views: docs.reduce((n, d) => n + d.stats.share_views, 0),
      shares: { active: shares.filter((s) => !s.revoked && s.expires_at > now).length, total: shares.length },
      expiring_soon: docs.filter((d) => d.expires_at <= soon).length,
    };
  }
}

type Counts = DocumentDocument['stats']['exports'];
const sum = (counts: Counts) => FORMATS.reduce((n, f) => n + counts[f], 0);
const addUp = (all: Counts[]): Counts => Object.fromEntries(FORMATS.map((f) => [f, all.reduce((n, c) => n + c[f], 0)])) as Counts;
