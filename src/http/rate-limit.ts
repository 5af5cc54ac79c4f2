import { NextFunction, Request, RequestHandler, Response } from 'express';
import { Clock } from '../shared/clock';
import { RateLimitClass, RateLimitDecision, RateLimitedError, RateLimiter } from '../shared/rate-limit';
import { AuthUser } from './context';
import type { RateLimitChoice } from './route';

/**
 * Rate-limit headers in the structured-field form of draft-ietf-httpapi-ratelimit-headers
 * (draft 08 and later), one policy per route, named after its limit class:
 *
 *     RateLimit-Policy: "profiles.update";q=10;w=60     quota q per window w seconds
 *     RateLimit: "profiles.update";r=7;t=42             r left, window ends in t seconds
 *
 * They are on every answer of a rate-limited route; a 429 adds `Retry-After: <t>`.
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const name = JSON.stringify(decision.class);
  return {
    'RateLimit-Policy': `${name};q=${decision.limit};w=${decision.window_seconds}`,
    RateLimit: `${name};r=${decision.remaining};t=${decision.reset_seconds}`,
  };
}

/**
 * Counts the request against its class (or the class `limit` picks for it) before the handler runs: per user on authenticated
 * routes (so it runs after authentication), per client IP on the others. `req.ip` is the socket
 * address unless express's `trust proxy` is set.
 */
export function rateLimit(limiter: RateLimiter, limit: RateLimitClass | RateLimitChoice, clock: Clock): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const user = req.user as AuthUser | undefined;
      const caller = user ? `user:${user.id}` : `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
      const name = typeof limit === 'string' ? limit : await limit({ params: req.params as Record<string, string>, user });
      const decision = await limiter.hit(name, caller, clock.now());
      if (!decision) return next();
      if (!decision.allowed) return next(new RateLimitedError(decision));
      res.set(rateLimitHeaders(decision));
      next();
    } catch (error) {
      next(error);
    }
  };
}
