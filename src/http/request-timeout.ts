import { RequestHandler, Response } from 'express';
import { Logger } from '../shared/logger';
import { sendProblem } from './errors';
import { problem } from './problem';

/**
 * A request whose handler is still running after `ms` is answered 503 problem details (with
 * `Retry-After`), and whatever the handler writes later is dropped. The handler itself is not
 * cancelled: a command it already appended stays appended, as after a lost connection.
 *
 * Node's own server limits are set beside it (src/app-process.ts, `serverTimeouts`): they bound
 * how long a client may take to *send* a request, which this middleware does not.
 */
export function requestTimeout(ms: number, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      const correlation_id = (req as { correlation_id?: string }).correlation_id;
      logger.warn({ method: req.method, path: req.path, timeout_ms: ms, correlation_id }, 'request timed out');
      res.setHeader('Retry-After', '5');
      sendProblem(
        res,
        problem('HTTP.SERVICE_UNAVAILABLE', `The request took longer than ${ms} ms and was abandoned; try again`, { instance: req.path, correlation_id }),
      );
      silence(res);
    }, ms);
    timer.unref();
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}

/** After the 503, late writes of the abandoned handler become no-ops instead of errors. */
function silence(res: Response): void {
  const quiet = res as unknown as Record<string, unknown>;
  quiet.setHeader = () => res;
  quiet.writeHead = () => res;
  quiet.write = () => true;
  quiet.end = () => res;
}

/**
 * Node server limits for a given request timeout: headers must arrive within 15 s (slowloris),
 * the whole request (a body of up to 10 MB) within the timeout plus a minute; a kept-alive
 * connection idles 5 s, a little over what most proxies assume.
 */
export function serverTimeouts(request_timeout_ms: number) {
  return { headersTimeout: 15_000, requestTimeout: request_timeout_ms + 60_000, keepAliveTimeout: 5_000 };
}
