import express, { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { Clock } from '../shared/clock';
import { Logger } from '../shared/logger';
import { AccessTokenVerifier, createAuthenticator } from './auth';
import { AuthUser, commandContext, correlationId } from './context';
import { DEFAULT_EDGE, EdgeOptions, edgeMiddleware, mountEdgeEndpoints } from './edge';
import { errorHandler, notFound } from './errors';
import { methodNotAllowed } from './method-not-allowed';
import { HttpResult, RouteSpec } from './route';
import { parseRequest } from './validation';
import { rateLimit } from './rate-limit';
import { RateLimiter } from '../shared/rate-limit';
import { DomainError } from '../shared/errors';
import { Role } from '../../contracts/users/events';

export interface AppOptions {
  routes: RouteSpec[];
  /** Extra handlers mounted before the API routes (health, docs). */
  mount?: (app: Express) => void;
  verifier: AccessTokenVerifier;
  clock: Clock;
  logger: Logger;
  /** Counts routes that declare a `rate_limit` class; without it nothing is limited. */
  rateLimiter?: RateLimiter;
  /** Security headers, CORS, request timeout and /metrics (src/http/edge.ts); defaults when absent. */
  edge?: EdgeOptions;
}

const BODY_LIMIT = '10mb';

export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  const edge = options.edge ?? DEFAULT_EDGE;
  app.use(requestContext(options.logger));
  app.use(...edgeMiddleware(edge, options.logger));
  app.use(express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  mountEdgeEndpoints(app, edge);
  options.mount?.(app);

  const authenticate = createAuthenticator(options.verifier);
  for (const spec of options.routes) {
    const handlers: RequestHandler[] = spec.auth === false ? [] : [authenticate];
    if (spec.role) handlers.push(requireRole(spec.role));
    if (spec.rate_limit && options.rateLimiter?.enabled) handlers.push(rateLimit(options.rateLimiter, spec.rate_limit, options.clock));
    app[spec.method](spec.path, ...handlers, handle(spec, options.clock, options.logger));
  }
  app.use(methodNotAllowed(options.routes));
  app.use(notFound);
  app.use(errorHandler(options.logger));
  return app;
}

/** 403 unless the authenticated caller's token carries the role. */
function requireRole(role: Role): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const user = req.user as AuthUser | undefined;
    next(user?.roles.includes(role) ? undefined : new DomainError('AUTH.FORBIDDEN', `This needs the ${role} role`));
  };
}

function handle(spec: RouteSpec, clock: Clock, logger: Logger): RequestHandler {
  return async (req: Request, res: Response) => {
    const input = parseRequest([
      { location: 'params', schema: spec.params, value: req.params },
      { location: 'query', schema: spec.query, value: req.query },
      { location: 'body', schema: spec.body, value: req.body ?? {} },
    ]);
    const user = (req.user as AuthUser | undefined) ?? null;
    const result = await spec.handler({
      ...input,
      user: user as AuthUser,
      context: commandContext(req, user, clock.now()),
      header: (name) => req.header(name),
    });
    if (result.headers) res.set(result.headers);
    if (result.stream) await stream(res.status(result.status), result.stream, logger);
    else if (result.body === undefined) res.status(result.status).end();
    else if (Buffer.isBuffer(result.body) || typeof result.body === 'string') res.status(result.status).send(result.body);
    else res.status(result.status).json(result.body);
  };
}

/** Sends the headers at once, then whatever `write` streams; ends the response when it is done or the client left. */
async function stream(res: Response, write: NonNullable<HttpResult['stream']>, logger: Logger): Promise<void> {
  let closed = false;
  res.once('close', () => (closed = true));
  res.flushHeaders();
  try {
    await write({ write: (chunk) => void (closed || res.write(chunk)), closed: () => closed });
  } catch (error) {
    // The status is sent: the client sees the stream end early; the cause is logged.
    logger.error({ err: { message: (error as Error)?.message, stack: (error as Error)?.stack }, path: res.req.path }, 'stream failed');
  } finally {
    res.end();
  }
}

/** The request's id (src/http/context.ts) on every request and response, under both names; one structured log line per request. */
function requestContext(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const id = correlationId(req);
    (req as Request & { correlation_id: string }).correlation_id = id;
    res.setHeader('X-Correlation-Id', id);
    res.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.debug({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10, correlation_id: id }, 'request');
    });
    next();
  };
}
