import { RequestHandler } from 'express';
import { httpRequestDuration, httpRequests } from '../shared/metrics';

/** The label for requests no declared route answered (404s, 405s, static files, preflights). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Counts every finished request and its latency by method, declared express route path
 * (`/api/v1/jobs/:id`, never the raw URL with its ids) and status code.
 */
export function httpMetrics(): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const declared = (req.route as { path?: unknown } | undefined)?.path;
      const route = declared === undefined ? UNMATCHED_ROUTE : `${req.baseUrl}${Array.isArray(declared) ? declared.join('|') : String(declared)}`;
      const labels = { method: req.method, route, status: String(res.statusCode) };
      httpRequests.inc(labels);
      httpRequestDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
