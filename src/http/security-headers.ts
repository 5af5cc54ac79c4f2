import { Request, RequestHandler, Response } from 'express';
import helmet, { HelmetOptions } from 'helmet';

/**
 * Security headers (helmet) on every response. The Content-Security-Policy allows only the
 * service's own scripts, styles, images and fonts: the /docs Swagger UI is served from the
 * installed swagger-ui-dist (src/http/docs.ts), its page has no inline script (init.js is a
 * file), and Swagger UI sets inline `style` attributes, hence `'unsafe-inline'` for styles only.
 * `upgrade-insecure-requests` is left out: the service is often reached over plain http on a
 * private network or localhost, where upgrading the docs' assets to https would break them.
 */
export const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    },
  },
};

export function securityHeaders(): RequestHandler {
  return precomputed(helmet(HELMET_OPTIONS));
}

/**
 * The same headers without running helmet's dozen middlewares on every request: with this
 * configuration helmet sets the same header values whatever the request, so they are taken
 * once from a dry run and set in one loop. Should a dry run not finish synchronously (a later
 * helmet that looked at the request), helmet itself runs on every request.
 */
function precomputed(middleware: RequestHandler): RequestHandler {
  const set: Array<[string, string]> = [];
  const removed: string[] = [];
  let finished = false;
  const dry = {
    setHeader(name: string, value: unknown) {
      set.push([name, String(value)]);
      return dry;
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  try {
    void middleware({ headers: {}, method: 'GET', url: '/' } as Request, dry as unknown as Response, (error?: unknown) => {
      finished = error === undefined;
    });
  } catch {
    finished = false;
  }
  if (!finished) return middleware;
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}
