import { z } from 'zod';
import { ResponseSpec } from './route';

/** RFC 9457 problem details, as documented in the OpenAPI document. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  correlation_id: z.string().optional(),
});

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (body, query, path or a malformed `If-Match`); `errors` lists every failing field',
  401: 'Missing, invalid or expired credentials',
  403: 'Not allowed',
  404: 'Not found (or not yours)',
  409: 'Conflicts with the current state',
  410: 'Gone: it existed, but expired or was revoked',
  412: 'If-Match names a version that is no longer current',
  413: 'Body larger than 10 MB',
  422: 'Understood, but there is nothing to work with (e.g. a profile with nothing to draw on); `errors` says what is missing',
  429: 'Rate limit reached (or, on login, the account is backing off after failed logins); `Retry-After` gives the seconds to wait, `RateLimit` / `RateLimit-Policy` (draft-ietf-httpapi-ratelimit-headers) the quota',
};

export function errorResponses(...statuses: number[]): Record<number, ResponseSpec> {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: DESCRIPTIONS[status] ?? 'Error', schema: ProblemSchema, content_type: 'application/problem+json' }]),
  );
}
