import { z } from 'zod';
import { Role } from '../../contracts/users/events';
import { AuthUser } from './context';
import { CommandContext } from '../shared/command-handler';
import { RateLimitClass } from '../shared/rate-limit';

/**
 * A route is declared once, with zod schemas for what it accepts and returns. The same
 * declaration validates requests at the edge and generates the OpenAPI document.
 */
export type Method = 'get' | 'post' | 'put' | 'delete';

export interface HttpResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * A streamed answer (server-sent events) instead of a body: after the status and headers,
   * `stream` writes until it resolves or the client goes away (`closed()`); then the response ends.
   */
  stream?: (out: ResponseStream) => Promise<void>;
}

export interface ResponseStream {
  write(chunk: string): void;
  closed(): boolean;
}

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** Present on every authenticated route. */
  user: AuthUser;
  context: CommandContext;
  header(name: string): string | undefined;
}

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  content_type?: string;
  /** Several media types with the same schema (a file in one of several formats); overrides `content_type`. */
  content_types?: string[];
}

export interface RouteSpec<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType> {
  method: Method;
  /** Express-style path, e.g. `/api/v1/profiles/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** Defaults to true: a bearer access token is required. */
  auth?: boolean;
  /** A role the caller's token must carry (403 otherwise); declare 403 in `responses`. */
  role?: Role;
  /**
   * The rate-limit class counted per caller (user id, or client IP when `auth` is false); none
   * when absent. Declare 429 in `responses`. A route whose class depends on what it acts on
   * gives a function of the raw path parameters and the caller instead (see RateLimitChoice).
   */
  rate_limit?: RateLimitClass | RateLimitChoice;
  /** Request headers the handler reads (documented in OpenAPI; If-Match comes with 412). */
  headers?: { name: string; description: string }[];
  body?: B;
  query?: Q;
  params?: P;
  responses: Record<number, ResponseSpec>;
  handler(input: RouteInput<z.output<B>, z.output<Q>, z.output<P>>): Promise<HttpResult>;
}

/** Picks the class from the raw (not yet validated) path parameters and the signed-in caller; it must not throw. */
export type RateLimitChoice = (request: { params: Record<string, string>; user: AuthUser | undefined }) => Promise<RateLimitClass>;

/** Declares a route; the generics make the handler's input types follow the schemas. */
export function route<B extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown, P extends z.ZodType = z.ZodUnknown>(
  spec: RouteSpec<B, Q, P>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}

export const IdParams = z.object({ id: z.uuid({ message: 'must be a UUID' }) });
