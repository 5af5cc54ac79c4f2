import { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { DomainError } from '../shared/errors';
import { sendProblem } from './errors';
import { problem } from './problem';
import { RouteSpec } from './route';

const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

interface DeclaredPath {
  pattern: RegExp;
  /** Path parameters: a concrete path (none) takes precedence over a templated one, as in OpenAPI. */
  params: number;
  methods: Set<string>;
}

/** Matches a request path the way express matches `/api/v1/profiles/:id` (any one segment per parameter). */
function matcher(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`, 'i');
}

function declaredPaths(routes: RouteSpec[]): DeclaredPath[] {
  const paths = new Map<string, DeclaredPath>();
  for (const spec of routes) {
    const entry = paths.get(spec.path) ?? { pattern: matcher(spec.path), params: (spec.path.match(/:/g) ?? []).length, methods: new Set<string>() };
    entry.methods.add(spec.method.toUpperCase());
    if (spec.method === 'get') entry.methods.add('HEAD');
    paths.set(spec.path, entry);
  }
  return [...paths.values()];
}

/** The methods the most specific declared path(s) matching `path` allow; null when the API does not know the path. */
function allowedMethods(paths: DeclaredPath[], path: string): string[] | null {
  const matching = paths.filter((p) => p.pattern.test(path));
  if (matching.length === 0) return null;
  const fewest = Math.min(...matching.map((p) => p.params));
  const allowed = new Set(['OPTIONS']);
  for (const p of matching.filter((m) => m.params === fewest)) p.methods.forEach((method) => allowed.add(method));
  return [...allowed].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
}

function answer(req: Request, res: Response, allowed: string[]): void {
  const allow = allowed.join(', ');
  res.setHeader('Allow', allow);
  if (req.method === 'OPTIONS') return void res.status(204).end();
  sendProblem(res, problem('HTTP.METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${req.path}; allowed: ${allow}`, { instance: req.path }));
}

const isParamsError = (error: unknown) =>
  error instanceof DomainError && error.code === 'VALIDATION.FAILED' && error.fields.some((field) => field.path.startsWith('params.'));

/**
 * Mounted after the API routes and before `notFound`: 405 with `Allow` (RFC 9110) for a method
 * the API does not declare on a path it knows, 204 with `Allow` for OPTIONS; unknown paths fall
 * through to 404.
 *
 * Two handlers: a request no route matched reaches the first. The second catches a request that
 * a templated route took for a concrete path — express routes `PUT /jobs/template` to
 * `PUT /jobs/:id` and rejects `template` as an id — and answers as for the concrete path, which
 * takes precedence (as it does in OpenAPI path matching).
 */
export function methodNotAllowed(routes: RouteSpec[]): [RequestHandler, ErrorRequestHandler] {
  const paths = declaredPaths(routes);
  const concrete = paths.filter((p) => p.params === 0);
  const unrouted: RequestHandler = (req, res, next) => {
    const allowed = allowedMethods(paths, req.path);
    if (!allowed) return next();
    answer(req, res, allowed);
  };
  const shadowed: ErrorRequestHandler = (error, req, res, next) => {
    if (!isParamsError(error)) return next(error);
    const allowed = allowedMethods(concrete, req.path);
    if (!allowed || allowed.includes(req.method)) return next(error);
    answer(req, res, allowed);
  };
  return [unrouted, shadowed];
}
