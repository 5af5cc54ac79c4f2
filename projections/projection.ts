import { DomainEnvelope } from '../src/event-store/serializer';

/** Fields the runner manages on every projected document. */
export interface ProjectedDoc {
  _id: string;
  _applied: Record<string, number>;
  _deleted?: true;
}

/** A read-model document as a projection sees it: without the runner's bookkeeping. */
export type Unprojected<D extends ProjectedDoc> = Omit<D, '_id' | '_applied' | '_deleted'>;

/**
 * A projection is pure: which events it handles, which document an event belongs to, and how
 * the document changes. Returning null deletes the document (the runner keeps a tombstone).
 */
export interface Projection<D extends ProjectedDoc = ProjectedDoc> {
  /** Also the checkpoint id. Bump the collection's version suffix to rebuild side by side. */
  name: string;
  collection: string;
  handles: readonly string[];
  /** Indexes the queries on this read model need; the runner declares them at start. */
  indexes?: { fields: Record<string, 1 | -1>; unique?: boolean }[];
  documentId(event: DomainEnvelope): string;
  evolve(current: Unprojected<D> | null, event: DomainEnvelope): Unprojected<D> | null;
}

/** Query-side helper: exclude tombstones. */
export const live = (filter: Record<string, unknown> = {}) => ({ ...filter, _deleted: { $exists: false } });
