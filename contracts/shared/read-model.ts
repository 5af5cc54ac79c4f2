import { z } from 'zod';

/**
 * Every projected document remembers, per source stream, the last revision it applied, so a
 * replayed event changes nothing. A deleted entity leaves a tombstone (`_deleted`) so that
 * replaying its earlier events cannot bring it back.
 */
export const ProjectedFields = {
  _id: z.string(),
  _applied: z.record(z.string(), z.number().int()),
  _deleted: z.literal(true).optional(),
};

/** The runner's bookkeeping on every projected document (see ProjectedFields). */
export interface ProjectedDoc {
  _id: string;
  /** Absent on the documents of a projection with a document per event (see Projection.documentPerEvent). */
  _applied?: Record<string, number>;
  _deleted?: true;
}

/** A read-model document as a projection sees it: without the runner's bookkeeping. */
export type Unprojected<D extends ProjectedDoc> = Omit<D, '_id' | '_applied' | '_deleted'>;

/**
 * A read model's identity: its name (also its projection's checkpoint id), the collection that
 * holds it and the schema of its documents. Queries, the read-your-writes waiter and the
 * projection all name a read model through this one value. Bump the version suffix of both
 * names to rebuild side by side.
 */
export interface ReadModel<S extends z.ZodType = z.ZodType> {
  name: string;
  collection: string;
  schema: S;
  /**
   * How the embedded read store holds the documents (MongoDB ignores it): `columns` for a large
   * read model of many small, flat, rarely changed documents (src/read-store/embedded/columns);
   * absent: as documents.
   */
  layout?: 'columns';
}

export const defineReadModel = <S extends z.ZodType>(name: string, schema: S, options: { layout?: 'columns' } = {}): ReadModel<S> => ({ name, collection: name, schema, ...options });

/** A document without the runner's bookkeeping: what a projection evolves and a query shows. */
export function withoutBookkeeping<D extends ProjectedDoc>(doc: D): Unprojected<D> {
  const { _id: _ignoredId, _applied: _ignoredApplied, _deleted: _ignoredDeleted, ...rest } = doc;
  return rest;
}

/** Query-side filter that excludes tombstones. */
export const live = (filter: Record<string, unknown> = {}) => ({ ...filter, _deleted: { $exists: false } });

/**
 * An integer in a query string: decimal digits only. (`z.coerce.number()` also took '', ' 5',
 * '0x10' and '1e2' for numbers, which the OpenAPI document's `type: integer` does not.)
 */
const queryInteger = (min: number, max: number, fallback: number) =>
  z
    .preprocess(
      (value) => (typeof value === 'string' && /^-?[0-9]{1,15}$/.test(value) ? Number(value) : value),
      z.number({ error: 'must be an integer' }).int().min(min).max(max).meta({ default: fallback }),
    )
    .default(fallback);

export const PageQuery = z.object({
  limit: queryInteger(1, 100, 20),
  offset: queryInteger(0, 100000, 0),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

/**
 * The answer to a write whose read model did not catch up within the deadline: the write is
 * stored (never retry it); `location` serves the result once the read model has it.
 */
export const WriteAccepted = z.object({
  status: z.literal('accepted'),
  detail: z.string(),
  /** The version (ETag) of the written resource after the write. */
  version: z.number().int().nonnegative(),
  location: z.string().nullable(),
});
export type WriteAccepted = z.infer<typeof WriteAccepted>;
