import { DocumentEventSchemas } from '../contracts/documents/events';
import { ByFormat } from '../contracts/documents/http';
import { DocumentDocument, DocumentsReadModel } from '../contracts/documents/read-model';
import { Projection } from '../contracts/shared/projection';
import { Unprojected } from '../contracts/shared/read-model';

type Doc = Unprojected<DocumentDocument>;
type Share = Doc['shares'][number];

const zero = (): ByFormat => ({ pdf: 0, docx: 0, html: 0, md: 0, txt: 0 });
const plusOne = (counts: ByFormat, format: keyof ByFormat): ByFormat => ({ ...counts, [format]: counts[format] + 1 });
const withShare = (doc: Doc, share_id: string, change: (share: Share) => Share) => doc.shares.map((s) => (s.share_id === share_id ? change(s) : s));

/**
 * `documents_v1`: one document per live document, serving the whole Document API: the list
 * (yours, filtered, newest first), details, versions with their content, share links by token
 * hash, and the counters of analytics and usage stats. Deleted and expired documents leave a
 * tombstone, so their links stop working at once.
 */
export const documentsProjection: Projection<DocumentDocument> = {
  ...DocumentsReadModel,
  owner: 'user_id',
  handles: DocumentEventSchemas.map((s) => s.shape.type.value),
  indexes: [{ fields: { user_id: 1, created_at: -1 } }, { fields: { 'shares.token_hash': 1 } }, { fields: { expires_at: 1 } }],
  documentId: (event) => event.stream_id.slice('document-'.length),
  evolve(current, event) {
    const at = event.metadata.occurred_at;
    const stamp = { version: event.revision + 1, updated_at: at };
    if (event.type === 'DocumentCreated') {
      const { document_id, user_id, type, job_id, profile_id, title, person_name, job_title, company } = event.data;
      return {
        id: document_id,
        user_id,
        type,
        title,
        notes: '',
        tags: [],
        job_id,
        profile_id,
        person_name,
        job_title,
        company,
        // Filled by the DocumentVersionAdded that always follows in the same append.
        current_version: 1,
        current: { version: 1, generation_id: null, restored_from: null, template: 'professional', ats_score: null, created_at: at },
        versions_count: 0,
        generation_ids: [],
        versions: [],
        shares: [],
        stats: { exports: zero(), owner_downloads: zero(), share_downloads: zero(), share_views: 0, last_exported_at: null, last_downloaded_at: null, last_viewed_at: null },
        created_at: at,
        expires_at: at,
        ...stamp,
      };
    }
    if (!current) return null;
    switch (event.type) {
      case 'DocumentVersionAdded': {
        const { version, generation_id, restored_from, template, ats_score, resume, cover_letter, expires_at } = event.data;
        const summary = { version, generation_id, restored_from, template, ats_score, created_at: at };
        return {
          ...current,
          current_version: version,
          current: summary,
          versions_count: current.versions.length + 1,
          versions: [...current.versions, { ...summary, resume, cover_letter }],
          generation_ids: generation_id && !current.generation_ids.includes(generation_id) ? [...current.generation_ids, generation_id] : current.generation_ids,
          expires_at,
          ...stamp,
        };
      }
      case 'DocumentDetailsUpdated': {
        const { title, notes, tags } = event.data;
        return { ...current, title, notes, tags, ...stamp };
      }
      case 'DocumentExported':
        return { ...current, stats: { ...current.stats, exports: plusOne(current.stats.exports, event.data.format), last_exported_at: at }, ...stamp };
      case 'DocumentDownloaded': {
        const { format, share_id } = event.data;
        const stats = share_id
          ? { ...current.stats, share_downloads: plusOne(current.stats.share_downloads, format) }
          : { ...current.stats, owner_downloads: plusOne(current.stats.owner_downloads, format) };
        const shares = share_id ? withShare(current, share_id, (s) => ({ ...s, downloads: s.downloads + 1 })) : current.shares;
        return { ...current, shares, stats: { ...stats, last_downloaded_at: at }, ...stamp };
      }
      case 'DocumentShared': {
        const { share_id, token_hash, password_hash, permissions, expires_at, version } = event.data;
        const share: Share = { share_id, token_hash, password_hash, permissions, expires_at, version, password_protected: password_hash !== null, revoked: false, created_at: at, views: 0, downloads: 0 };
        return { ...current, shares: [...current.shares, share], ...stamp };
      }
      case 'DocumentShareRevoked':
        return { ...current, shares: withShare(current, event.data.share_id, (s) => ({ ...s, revoked: true })), ...stamp };
      case 'DocumentShareViewed': {
        const shares = withShare(current, event.data.share_id, (s) => ({ ...s, views: s.views + 1 }));
        return { ...current, shares, stats: { ...current.stats, share_views: current.stats.share_views + 1, last_viewed_at: at }, ...stamp };
      }
      case 'DocumentExpired':
      case 'DocumentDeleted':
        return null;
      default:
        return current;
    }
  },
};
