import { ErrorRequestHandler, RequestHandler } from 'express';
import { DomainError, ServiceUnavailableError } from '../shared/errors';
import { Logger } from '../shared/logger';
import { rateLimitRejections } from '../shared/metrics';
import { RateLimitedError } from '../shared/rate-limit';
import { EdgeCode, problem, Problem } from './problem';
import { rateLimitHeaders } from './rate-limit';

const PROBLEM_TYPE = 'application/problem+json';

/** Sends problem details; every one names the request's id (`correlation_id`, also echoed as `X-Request-Id`). */
export function sendProblem(res: Parameters<RequestHandler>[1], body: Problem): void {
  const id = res.getHeader('X-Correlation-Id');
  const withId = body.correlation_id === undefined && typeof id === 'string' ? { ...body, correlation_id: id } : body;
  res.status(body.status).type(PROBLEM_TYPE).send(JSON.stringify(withId));
}

export const notFound: RequestHandler = (req, res) =>
  sendProblem(res, problem('HTTP.NOT_FOUND', `No route for ${req.method} ${req.path}`, { instance: req.path }));

/** Body-parser failures are the client's: they map to 400 / 413 / 415, never 500. */
function edgeCodeOf(error: { type?: string; status?: number }): EdgeCode | null {
  if (error.type === 'entity.parse.failed') return 'HTTP.MALFORMED_JSON';
  if (error.type === 'entity.too.large') return 'HTTP.PAYLOAD_TOO_LARGE';
  if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') return 'HTTP.UNSUPPORTED_MEDIA_TYPE';
  if (error.status && error.status >= 400 && error.status < 500) return 'HTTP.MALFORMED_JSON';
  return null;
}

/** What a 503 asks the client to wait before trying again. */
const RETRY_AFTER_SECONDS = 2;

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const correlation_id = (req as { correlation_id?: string }).correlation_id;
    const instance = req.path;
    if (error instanceof DomainError) {
      const extra = error.fields.length > 0 ? { errors: error.fields } : {};
      return sendProblem(res, problem(error.code, error.message, { instance, correlation_id, ...extra }));
    }
    if (error instanceof RateLimitedError) {
      rateLimitRejections.inc({ class: error.decision.class });
      res.set({ ...rateLimitHeaders(error.decision), 'Retry-After': String(error.decision.reset_seconds) });
      return sendProblem(res, problem('HTTP.TOO_MANY_REQUESTS', error.message, { instance, correlation_id }));
    }
    if (error instanceof ServiceUnavailableError) {
      logger.warn({ service: error.service, err: error.message, path: req.path, correlation_id }, 'backing service unavailable');
      res.setHeader('Retry-After', String(error.retry_after_seconds ?? RETRY_AFTER_SECONDS));
      const detail = `A service JobWise depends on (${error.service.replace('_', ' ')}) is unavailable; try again shortly`;
      return sendProblem(res, problem('HTTP.SERVICE_UNAVAILABLE', detail, { instance, correlation_id }));
    }
    const edge = edgeCodeOf(error ?? {});
    if (edge) {
      const detail = edge === 'HTTP.PAYLOAD_TOO_LARGE' ? 'The request body is larger than 10 MB' : 'The request body is not valid JSON';
      return sendProblem(res, problem(edge, detail, { instance, correlation_id }));
    }
    logger.error({ err: { message: error?.message, stack: error?.stack }, path: req.path, correlation_id }, 'unhandled error');
    sendProblem(res, problem('HTTP.INTERNAL', 'Something went wrong on our side; it has been logged', { instance, correlation_id }));
  };
}
