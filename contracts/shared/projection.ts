import type { DomainEnvelope } from '../events';
import type { ProjectedDoc, ReadModel, Unprojected } from './read-model';

/**
 * A projection is pure: the read model it builds, which events it handles, which document an
 * event belongs to, and how the document changes. Returning null deletes the document (the
 * runner keeps a tombstone). Definitions live in `projections/`; the projector runs them.
 */
export interface Projection<D extends ProjectedDoc = ProjectedDoc> extends ReadModel {
  handles: readonly string[];
  /**
   * The document field that holds the id of the user the document belongs to. When a user is
   * erased (`UserErased`), the runner deletes every document of theirs, whatever the
   * projection: required, so that no read model can forget the right to deletion (ADR 0009).
   */
  owner: keyof Unprojected<D> & string;
  /** Indexes the queries on this read model need; the runner declares them at start. */
  indexes?: { fields: Record<string, 1 | -1>; unique?: boolean }[];
  documentId(event: DomainEnvelope): string;
  /**
   * Each event has a document of its own (`documentId` is the event's id, as in the audit trail):
   * the document's existence says the event was applied, so the runner keeps no `_applied`
   * revisions on it (300,000 audit entries held 300,000 such objects).
   */
  documentPerEvent?: true;
  /**
   * `evolve` reads the envelope only (type, ids, stream, position, metadata), never `data`: the
   * runner hands it events whose data is neither decrypted nor validated (the audit trail, which
   * reads every event of the log; its erasure still gets its data).
   */
  metadataOnly?: true;
  evolve(current: Unprojected<D> | null, event: DomainEnvelope): Unprojected<D> | null;
}
