import { Container } from 'inversify';
import { Express } from 'express';
import { ProjectionRunner } from '../projector/projection-runner';
import { EventRelay } from '../relay';
import { Logger } from '../shared/logger';
import { TOKENS } from '../container-tokens';
import { createApp } from './app';
import { mountDocs } from './docs';
import { mountHealth } from './health';
import { openApiDocument } from './openapi';
import { RouteSpec } from './route';

/**
 * The HTTP application, assembled from the container. A process with the `api` role serves
 * the whole API; any other process serves only /health and /health/detailed, so that
 * projector and relay processes can be health-checked too.
 */
export function buildHttpApp(container: Container, options: { api: boolean }): Express {
  const routes = options.api ? container.get<RouteSpec[]>(TOKENS.Routes) : [];
  const runners = container.get<ProjectionRunner[]>(TOKENS.ProjectionRunners);
  let document: Record<string, unknown> | null = null;
  return createApp({
    routes,
    jwt_secret: container.get<string>(TOKENS.JwtSecret),
    logger: container.get<Logger>(TOKENS.Logger),
    mount(app) {
      mountHealth(app, {
        events: container.get(TOKENS.EventStore),
        readStore: container.get(TOKENS.ReadStore),
        bus: container.get(TOKENS.Bus),
        readModels: container.get(TOKENS.ReadModels),
        projectors: () => runners.map((r) => r.snapshot()),
        relay: () => (container.isBound(TOKENS.Relay) ? container.get<EventRelay>(TOKENS.Relay).snapshot() : null),
      });
      if (options.api) mountDocs(app, () => (document ??= openApiDocument(routes, { title: 'JobWise API', version: '1.0.0' })));
    },
  });
}
