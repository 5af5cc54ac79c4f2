import { Express, RequestHandler } from 'express';
import { Logger } from '../shared/logger';
import { cors } from './cors';
import { httpMetrics } from './http-metrics';
import { mountMetrics } from './metrics-endpoint';
import { requestTimeout } from './request-timeout';
import { securityHeaders } from './security-headers';

/** What the HTTP edge needs from the configuration (CORS_ORIGINS, REQUEST_TIMEOUT_MS, METRICS_TOKEN). */
export interface EdgeOptions {
  cors_origins: readonly string[];
  request_timeout_ms: number;
  metrics_token?: string;
}

export const DEFAULT_EDGE: EdgeOptions = { cors_origins: [], request_timeout_ms: 30_000 };

/**
 * The edge's middleware, in order, after the request id is set: metrics (so every answer is
 * counted, preflights and timeouts too), security headers, CORS (a preflight ends here), then
 * the request timeout.
 */
export function edgeMiddleware(options: EdgeOptions, logger: Logger): RequestHandler[] {
  return [httpMetrics(), securityHeaders(), cors(options.cors_origins), requestTimeout(options.request_timeout_ms, logger)];
}

/** Endpoints of the edge itself: `GET /metrics`. */
export function mountEdgeEndpoints(app: Express, options: EdgeOptions): void {
  mountMetrics(app, options.metrics_token);
}
