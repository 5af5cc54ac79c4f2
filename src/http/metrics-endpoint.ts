import { timingSafeEqual } from 'node:crypto';
import { Express } from 'express';
import { renderMetrics } from '../shared/metrics';
import { sendProblem } from './errors';
import { problem } from './problem';

/**
 * `GET /metrics`: the process's Prometheus metrics (src/shared/metrics.ts) in the text format.
 * Every role's process serves it. With `METRICS_TOKEN` set, a scrape must send
 * `Authorization: Bearer <token>` (401 problem details otherwise); without it the endpoint is
 * open, like /health, and should then be kept off the public network.
 */
export function mountMetrics(app: Express, token?: string): void {
  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  app.get('/metrics', async (req, res) => {
    if (expected) {
      const sent = Buffer.from(req.header('authorization') ?? '');
      if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        return sendProblem(res, problem('AUTH.UNAUTHENTICATED', 'GET /metrics needs the metrics bearer token', { instance: req.path }));
      }
    }
    const { contentType, body } = await renderMetrics();
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', contentType);
    res.status(200).end(body);
  });
}
