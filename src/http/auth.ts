import { NextFunction, Request, RequestHandler, Response } from 'express';
import passport from 'passport';
import { DomainError } from '../shared/errors';
import { AuthUser } from './context';

/**
 * Turns a bearer access token into the user it was issued to, or null when it is not valid now
 * (expired, malformed or revoked). May answer a promise: a revocation check reads a store.
 */
export interface AccessTokenVerifier {
  verifyAccess(token: string): AuthUser | null | Promise<AuthUser | null>;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Bearer access tokens through passport. What a valid token is stays with whoever issued it
 * (the users slice's TokenService): HTTP only carries the header to the verifier.
 */
export function createAuthenticator(verifier: AccessTokenVerifier): RequestHandler {
  const authenticator = new passport.Passport();
  authenticator.use('bearer', {
    authenticate(req: Request) {
      const token = BEARER.exec(req.header('authorization') ?? '')?.[1];
      Promise.resolve(token ? verifier.verifyAccess(token) : null).then(
        (user) => (user ? this.success(user) : this.fail(401)),
        (error: unknown) => this.error(error as Error),
      );
    },
  } as passport.Strategy);
  return (req: Request, res: Response, next: NextFunction) =>
    authenticator.authenticate('bearer', { session: false }, (err: unknown, user: AuthUser | false) => {
      if (err) return next(err);
      if (!user) {
        const detail = req.header('authorization') ? 'The access token is invalid or expired' : 'A bearer access token is required';
        return next(new DomainError('AUTH.UNAUTHENTICATED', detail));
      }
      req.user = user;
      next();
    })(req, res, next);
}
