import { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers (helmet) on every response. The Content-Security-Policy allows only the
 * service's own scripts, styles, images and fonts: the /docs Swagger UI is served from the
 * installed swagger-ui-dist (src/http/docs.ts), its page has no inline script (init.js is a
 * file), and Swagger UI sets inline `style` attributes, hence `'unsafe-inline'` for styles only.
 * `upgrade-insecure-requests` is left out: the service is often reached over plain http on a
 * private network or localhost, where upgrading the docs' assets to https would break them.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
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
  });
}
