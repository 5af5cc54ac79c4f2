import { Express } from 'express';
import { Clock } from '../shared/clock';
import { Logger } from '../shared/logger';
import { createApp } from './app';
import { EdgeOptions } from './edge';
import { AccessTokenVerifier } from './auth';
import { mountDocs } from './docs';
import { HealthDeps, mountHealth } from './health';
import { openApiDocument } from './openapi';
import { RouteSpec } from './route';
import { RateLimiter } from '../shared/rate-limit';

export interface HttpAppDeps {
  /** The API's routes; none in a process without the `api` role. */
  routes: RouteSpec[];
  verifier: AccessTokenVerifier;
  clock: Clock;
  logger: Logger;
  health: HealthDeps;
  /** Rate limits of the routes that declare a class (src/shared/rate-limit.ts). */
  rateLimiter?: RateLimiter;
  /** CORS, request timeout and the /metrics token (src/http/edge.ts); every role's app has them. */
  edge?: EdgeOptions;
}

/**
 * The HTTP application. A process with the `api` role serves the whole API and its docs; any
 * other process serves only /health, /health/detailed and /metrics, so that projector and relay
 * processes can be health-checked and scraped too.
 */
export function buildHttpApp(deps: HttpAppDeps): Express {
  const { routes } = deps;
  let document: Record<string, unknown> | null = null;
  return createApp({
    routes,
    verifier: deps.verifier,
    clock: deps.clock,
    logger: deps.logger,
    rateLimiter: deps.rateLimiter,
    edge: deps.edge,
    mount(app) {
      mountHealth(app, deps.health);
      if (routes.length > 0) mountDocs(app, () => (document ??= openApiDocument(routes, { title: 'JobWise API', version: '1.0.0' })));
    },
  });
}
