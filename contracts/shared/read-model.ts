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

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
