import { z } from 'zod';

/** Building blocks shared by every contract. Wire format is snake_case JSON. */

export const Uuid = z.uuid();

export const IsoTimestamp = z.iso.datetime({ offset: true });

/** A calendar date with or without the day: `2024-03` or `2024-03-15`. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'must be a date as YYYY-MM or YYYY-MM-DD')
  .refine(isRealDate, 'must be a real calendar date');

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Compares partial dates; `2024-03` counts as the first day of March. */
export function comparePartialDates(a: string, b: string): number {
  const pad = (v: string) => (v.length === 7 ? `${v}-01` : v);
  return pad(a).localeCompare(pad(b));
}

export const Email = z.email().max(254);
export const HttpUrl = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain })
  .max(2048);

/** Text written by a user: trimmed, bounded. */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
export const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);
