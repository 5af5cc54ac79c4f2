import { NextFunction, Request, RequestHandler, Response } from 'express';
import passport from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { accessClaimsFrom, signingKey } from '../users/session-tokens';
import { AuthUser } from './context';
import { DomainError } from '../shared/errors';

/** Bearer access tokens, verified by passport-jwt. Refresh tokens are rejected here by their `typ`. */
export function createAuthenticator(secret: string): RequestHandler {
  const authenticator = new passport.Passport();
  authenticator.use(
    new JwtStrategy(
      { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: signingKey(secret) as unknown as string, algorithms: ['HS256'] },
      (payload: Record<string, unknown>, done: (err: unknown, user?: AuthUser | false) => void) => {
        const claims = accessClaimsFrom(payload);
        done(null, claims ? { id: claims.sub, roles: claims.roles, session_id: claims.fam } : false);
      },
    ),
  );
  return (req: Request, res: Response, next: NextFunction) =>
    authenticator.authenticate('jwt', { session: false }, (err: unknown, user: AuthUser | false) => {
      if (err) return next(err);
      if (!user) {
        const detail = req.header('authorization') ? 'The access token is invalid or expired' : 'A bearer access token is required';
        return next(new DomainError('AUTH.UNAUTHENTICATED', detail));
      }
      req.user = user;
      next();
    })(req, res, next);
}
