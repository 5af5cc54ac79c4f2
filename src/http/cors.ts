import { RequestHandler } from 'express';

/**
 * CORS for the origins in `CORS_ORIGINS` (comma-separated, e.g. `https://app.example.com`; `*`
 * allows any origin). With none configured (the default) no CORS header is ever sent, so
 * browsers keep other origins out. No credentials mode: the API authenticates with bearer
 * tokens, not cookies.
 *
 * A request from an allowed origin gets `Access-Control-Allow-Origin` (the origin itself) and
 * the response headers a client needs exposed; a preflight (OPTIONS with
 * `Access-Control-Request-Method`) from an allowed origin answers 204 with the allowed methods
 * and headers. Requests from other origins get no CORS headers (a preflight falls through to
 * the 405 / 404 it would get anyway).
 */
export const CORS_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'];
export const CORS_REQUEST_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'X-Request-Id', 'X-Correlation-Id'];
const EXPOSED_HEADERS = ['ETag', 'Location', 'Retry-After', 'RateLimit', 'RateLimit-Policy', 'X-Request-Id', 'X-Correlation-Id'];
const PREFLIGHT_MAX_AGE_SECONDS = 600;

export function cors(origins: readonly string[]): RequestHandler {
  const any = origins.includes('*');
  const allowed = new Set(origins.map((origin) => origin.replace(/\/+$/, '')));
  return (req, res, next) => {
    const origin = req.header('origin');
    if (allowed.size === 0 || !origin || !(any || allowed.has(origin))) return next();
    res.vary('Origin');
    res.setHeader('Access-Control-Allow-Origin', any ? '*' : origin);
    if (req.method === 'OPTIONS' && req.header('access-control-request-method')) {
      res.vary('Access-Control-Request-Method').vary('Access-Control-Request-Headers');
      res.setHeader('Access-Control-Allow-Methods', CORS_METHODS.join(', '));
      res.setHeader('Access-Control-Allow-Headers', CORS_REQUEST_HEADERS.join(', '));
      res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
      res.status(204).end();
      return;
    }
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS.join(', '));
    next();
  };
}

