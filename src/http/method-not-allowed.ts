import { RequestHandler } from 'express';
import { sendProblem } from './errors';
import { problem } from './problem';
import { RouteSpec } from './route';

const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Matches a request path the way express matches `/api/v1/profiles/:id` (any one segment per parameter). */
function matcher(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`, 'i');
}

/**
 * Mounted after the API routes and before `notFound`: a request that reached it matched no
 * declared route. If its path is one the API declares, the method is what is wrong: 405 with
 * `Allow` (RFC 9110), or 204 with `Allow` for OPTIONS. Unknown paths fall through to 404.
 */
export function methodNotAllowed(routes: RouteSpec[]): RequestHandler {
  const paths = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  for (const spec of routes) {
    const entry = paths.get(spec.path) ?? { pattern: matcher(spec.path), methods: new Set<string>() };
    entry.methods.add(spec.method.toUpperCase());
    if (spec.method === 'get') entry.methods.add('HEAD');
    paths.set(spec.path, entry);
  }
  return (req, res, next) => {
    const allowed = new Set<string>();
    for (const { pattern, methods } of paths.values()) {
      if (pattern.test(req.path)) methods.forEach((method) => allowed.add(method));
    }
    if (allowed.size === 0) return next();
    allowed.add('OPTIONS');
    const allow = [...allowed].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)).join(', ');
    res.setHeader('Allow', allow);
    if (req.method === 'OPTIONS') return void res.status(204).end();
    sendProblem(res, problem('HTTP.METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${req.path}; allowed: ${allow}`, { instance: req.path }));
  };
}
