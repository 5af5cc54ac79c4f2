import { DocumentCommand } from '../../contracts/documents/commands';
import { DocumentEvent, DocumentType, SharePermission } from '../../contracts/documents/events';
import { CoverLetterContent, ResumeContent, Template } from '../../contracts/generations/content';
import { assertNever, Decider } from '../shared/decider';
import { DomainError } from '../shared/errors';

export interface DocumentVersion {
  version: number;
  generation_id: string | null;
  template: Template;
  resume: ResumeContent | null;
  cover_letter: CoverLetterContent | null;
  ats_score: number | null;
}

export interface Share {
  permissions: SharePermission[];
  expires_at: string;
  revoked: boolean;
}

export interface Document {
  status: 'active';
  document_id: string;
  user_id: string;
  type: DocumentType;
  title: string;
  notes: string;
  tags: string[];
  versions: DocumentVersion[];
  expires_at: string;
  shares: ReadonlyMap<string, Share>;
}

/** `gone`: deleted by its owner or expired; a later generation for the same job starts a new document. */
export type DocumentState = { status: 'none' } | { status: 'gone'; user_id: string } | Document;

const notFound = () => new DomainError('DOCUMENT.NOT_FOUND', 'No such document');
const addDays = (now: string, days: number) => new Date(Date.parse(now) + days * 86_400_000).toISOString();

function owned(state: DocumentState, user_id: string): Document {
  if (state.status !== 'active' || state.user_id !== user_id) throw notFound();
  return state;
}

function active(state: DocumentState): Document {
  if (state.status !== 'active') throw notFound();
  return state;
}

/**
 * A document keeps every version. The keeper's command is idempotent (a generation already
 * recorded adds nothing), as are expiry (only once due) and revoking (once). The user's commands
 * name the user: anyone else's document is reported as missing.
 */
export function decide(command: DocumentCommand, state: DocumentState): DocumentEvent[] {
  switch (command.type) {
    case 'AddGeneratedVersion': {
      const { type: _command, document_id, now, retention_days, generation_id, template, resume, cover_letter, ats_score, document_type, ...created } = command;
      const expires_at = addDays(now, retention_days);
      const content = { generation_id, template, resume, cover_letter, ats_score, restored_from: null, expires_at, user_id: created.user_id };
      if (state.status !== 'active') {
        if (state.status === 'gone') return [];
        return [
          { type: 'DocumentCreated', data: { document_id, type: document_type, ...created } },
          { type: 'DocumentVersionAdded', data: { ...content, version: 1 } },
        ];
      }
      if (state.user_id !== created.user_id) throw notFound();
      if (state.versions.some((v) => v.generation_id === generation_id)) return [];
      return [{ type: 'DocumentVersionAdded', data: { ...content, version: state.versions.length + 1 } }];
    }
    case 'RestoreVersion': {
      const document = owned(state, command.user_id);
      const old = document.versions.find((v) => v.version === command.version);
      if (!old) throw new DomainError('DOCUMENT.VERSION_NOT_FOUND', `The document has no version ${command.version}`);
      const expires_at = addDays(command.now, command.retention_days);
      return [
        {
          type: 'DocumentVersionAdded',
          data: { ...old, generation_id: null, user_id: document.user_id, version: document.versions.length + 1, restored_from: old.version, expires_at },
        },
      ];
    }
    case 'UpdateDetails': {
      const document = owned(state, command.user_id);
      const { title = document.title, notes = document.notes, tags = document.tags } = command;
      const unchanged = title === document.title && notes === document.notes && tags.join('\n') === document.tags.join('\n');
      return unchanged ? [] : [{ type: 'DocumentDetailsUpdated', data: { user_id: document.user_id, title, notes, tags } }];
    }
    case 'RecordExport': {
      owned(state, command.user_id);
      const { version, format, template, page_size, bytes } = command;
      return [{ type: 'DocumentExported', data: { version, format, template, page_size, bytes } }];
    }
    case 'RecordDownload':
      active(state);
      return [{ type: 'DocumentDownloaded', data: { version: command.version, format: command.format, share_id: command.share_id } }];
    case 'ShareDocument': {
      owned(state, command.user_id);
      const { share_id, token_hash, password_hash, permissions, expires_at, version } = command;
      return [{ type: 'DocumentShared', data: { share_id, token_hash, password_hash, permissions: [...new Set(permissions)], expires_at, version } }];
    }
    case 'RevokeShare': {
      const share = owned(state, command.user_id).shares.get(command.share_id);
      if (!share) throw new DomainError('DOCUMENT.SHARE_NOT_FOUND', 'The document has no such share link');
      return share.revoked ? [] : [{ type: 'DocumentShareRevoked', data: { share_id: command.share_id } }];
    }
    case 'RecordShareView':
      if (!active(state).shares.has(command.share_id)) throw new DomainError('DOCUMENT.SHARE_NOT_FOUND', 'The document has no such share link');
      return [{ type: 'DocumentShareViewed', data: { share_id: command.share_id } }];
    case 'ExpireDocument': {
      if (state.status !== 'active' || Date.parse(state.expires_at) > Date.parse(command.now)) return [];
      return [{ type: 'DocumentExpired', data: { document_id: state.document_id, user_id: state.user_id } }];
    }
    case 'DeleteDocument': {
      const document = owned(state, command.user_id);
      return [{ type: 'DocumentDeleted', data: { document_id: document.document_id, user_id: document.user_id } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(state: DocumentState, event: DocumentEvent): DocumentState {
  switch (event.type) {
    case 'DocumentCreated': {
      const { document_id, user_id, type, title } = event.data;
      return { status: 'active', document_id, user_id, type, title, notes: '', tags: [], versions: [], expires_at: new Date(0).toISOString(), shares: new Map() };
    }
    case 'DocumentExpired':
    case 'DocumentDeleted':
      return { status: 'gone', user_id: event.data.user_id };
    default:
      break;
  }
  if (state.status !== 'active') return state;
  switch (event.type) {
    case 'DocumentVersionAdded': {
      const { version, generation_id, template, resume, cover_letter, ats_score, expires_at } = event.data;
      return { ...state, versions: [...state.versions, { version, generation_id, template, resume, cover_letter, ats_score }], expires_at };
    }
    case 'DocumentShared': {
      const { share_id, permissions, expires_at } = event.data;
      return { ...state, shares: new Map([...state.shares, [share_id, { permissions, expires_at, revoked: false }]]) };
    }
    case 'DocumentShareRevoked': {
      const share = state.shares.get(event.data.share_id);
      return share ? { ...state, shares: new Map([...state.shares, [event.data.share_id, { ...share, revoked: true }]]) } : state;
    }
    case 'DocumentDetailsUpdated': {
      const { title, notes, tags } = event.data;
      return { ...state, title, notes, tags };
    }
    case 'DocumentExported':
    case 'DocumentDownloaded':
    case 'DocumentShareViewed':
      return state;
    default:
      return assertNever(event);
  }
}

export const documentDecider: Decider<DocumentCommand, DocumentEvent, DocumentState> = { initialState: { status: 'none' }, decide, evolve };
