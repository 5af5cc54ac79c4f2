import { randomUUID } from 'node:crypto';
import { AuthResponse, SessionView } from '../../contracts/users/http';
import { readClaim, takeClaim } from '../shared/claims';
import { CommandContext, CommandHandler } from '../shared/command-handler';
import { DomainError } from '../shared/errors';
import { LoginBackoff } from '../shared/rate-limit';
import { ID_NAMESPACES, uuidV5 } from '../shared/ids';
import { streamName } from '../shared/streams';
import { userAggregate } from './user-aggregate';
import { UserState } from './user-decider';
import { hashPassword, ScryptCost, verifyPassword } from '../shared/passwords';
import { TokenService } from './session-tokens';
import { effectiveRoles } from './roles';

export type Registered = Extract<UserState, { status: 'registered' }>;

export const emailClaimStream = (email: string) => streamName('useremail', uuidV5(email.trim().toLowerCase(), ID_NAMESPACES.email));

const invalidCredentials = () => new DomainError('AUTH.INVALID_CREDENTIALS', 'E-mail or password is incorrect');

/**
 * Accounts: registration (with the e-mail claim), password checks, and sessions with rotating
 * refresh tokens. Hashing, claims and token signing happen here; deciding is the user decider's.
 */
export class AuthService {
  /** Hash compared against when the e-mail is unknown, so both failures take the same time. */
  private readonly decoyHash: Promise<string>;

  constructor(
    private readonly commands: CommandHandler,
    private readonly tokens: TokenService,
    private readonly scryptCost: ScryptCost,
    /** Locks an account (by e-mail, known or not) after repeated failed logins. */
    private readonly backoff?: LoginBackoff,
    /** Lower-cased e-mail addresses that act as admins (ADMIN_EMAILS). */
    private readonly admins: ReadonlySet<string> = new Set(),
  ) {
    this.decoyHash = hashPassword(randomUUID(), scryptCost);
  }

  /** Registers and starts a session; `written` locates the registration (for read-your-writes). */
  async register(
    input: { email: string; password: string; full_name: string },
    context: CommandContext,
  ): Promise<{ session: AuthResponse; written: { position: string | null; version: number } }> {
    const user_id = randomUUID();
    const password_hash = await hashPassword(input.password, this.scryptCost);
    const claimed = await takeClaim(this.commands.store, emailClaimStream(input.email), user_id, (holder) => this.exists(holder), context);
    if (!claimed) {
      throw new DomainError('USER.EMAIL_TAKEN', 'An account with this e-mail already exists', [{ path: 'email', message: 'is already registered' }]);
    }
    const session = this.newSession(context.now);
    const { state, position, version } = await this.commands.handle(userAggregate, 
      { type: 'RegisterUser', user_id, now: context.now, email: input.email, full_name: input.full_name, password_hash, roles: ['user'], ...session },
      { ...context, actor: user_id },
    );
    return { session: this.respond(state as Registered, session), written: { position, version } };
  }

  async login(input: { email: string; password: string }, context: CommandContext): Promise<AuthResponse> {
    const account = uuidV5(input.email.trim().toLowerCase(), ID_NAMESPACES.email);
    const now = new Date(context.now);
    await this.backoff?.check(account, now);
    const { owner } = await readClaim(this.commands.store, emailClaimStream(input.email));
    const user = owner ? await this.load(owner) : null;
    const valid = await verifyPassword(input.password, user?.password_hash ?? (await this.decoyHash));
    if (!user || !valid) {
      await this.backoff?.failed(account, now);
      throw invalidCredentials();
    }
    await this.backoff?.succeeded(account);
    const session = this.newSession(context.now);
    await this.commands.handle(userAggregate, { type: 'StartSession', user_id: user.user_id, now: context.now, ...session }, context);
    return this.respond(user, session);
  }

  async refresh(refresh_token: string, context: CommandContext): Promise<AuthResponse> {
    const claims = this.tokens.verifyRefresh(refresh_token);
    if (!claims) throw new DomainError('AUTH.INVALID_REFRESH_TOKEN', 'The refresh token is not valid');
    const next = { family_id: claims.fam, token_id: randomUUID(), expires_at: this.tokens.refreshExpiry(new Date(context.now)) };
    const { state, events } = await this.commands.handle(userAggregate, 
      { type: 'RotateRefreshToken', user_id: claims.sub, now: context.now, presented_token_id: claims.jti, ...next },
      { ...context, actor: claims.sub },
    );
    if (events[0]?.type !== 'RefreshTokenRotated') {
      throw new DomainError('AUTH.INVALID_REFRESH_TOKEN', 'The refresh token was already used; the session has been revoked');
    }
    return this.respond(state as Registered, next);
  }

  /**
   * Checks the current password (a wrong one counts toward the account's failed-login back-off),
   * records the new hash, revokes every open session and starts a new one for the caller.
   * `revoked_family_ids` are the sessions whose access tokens must be revoked too.
   */
  async changePassword(
    user_id: string,
    input: { current_password: string; new_password: string },
    context: CommandContext,
  ): Promise<{ session: AuthResponse; revoked_family_ids: string[] }> {
    await this.confirmPassword(user_id, input.current_password, context);
    const password_hash = await hashPassword(input.new_password, this.scryptCost);
    const session = this.newSession(context.now);
    const { state, events } = await this.commands.handle(
      userAggregate,
      { type: 'ChangePassword', user_id, now: context.now, password_hash, ...session },
      { ...context, actor: user_id },
    );
    const changed = events.find((event) => event.type === 'PasswordChanged');
    const revoked_family_ids = changed?.type === 'PasswordChanged' ? changed.data.revoked_family_ids : [];
    return { session: this.respond(state as Registered, session), revoked_family_ids };
  }

  /**
   * Checks a signed-in user's password before a sensitive change; a wrong one counts toward the
   * account's failed-login back-off, like a failed login.
   */
  async confirmPassword(user_id: string, password: string, context: CommandContext): Promise<Registered> {
    const user = await this.load(user_id);
    if (!user) throw invalidCredentials();
    const account = uuidV5(user.email.trim().toLowerCase(), ID_NAMESPACES.email);
    const now = new Date(context.now);
    await this.backoff?.check(account, now);
    if (!(await verifyPassword(password, user.password_hash))) {
      await this.backoff?.failed(account, now);
      throw invalidCredentials();
    }
    await this.backoff?.succeeded(account);
    return user;
  }

  /**
   * The user's sessions (refresh-token families) from the user's stream: ids, times and whether
   * revoked; never a token. Reads only the session events' ids and times.
   */
  async sessions(user_id: string): Promise<SessionView[]> {
    const recorded = await this.commands.store.readStream(streamName('user', user_id));
    const sessions = new Map<string, SessionView>();
    const revoke = (id: unknown) => {
      const session = typeof id === 'string' ? sessions.get(id) : undefined;
      if (session) session.revoked = true;
    };
    for (const event of recorded) {
      const data = event.data as Record<string, unknown>;
      const at = event.metadata.occurred_at;
      if (event.type === 'RefreshTokenIssued') {
        const id = String(data.family_id);
        sessions.set(id, { id, created_at: at, expires_at: String(data.expires_at), last_refreshed_at: null, revoked: false });
      } else if (event.type === 'RefreshTokenRotated') {
        const session = sessions.get(String(data.family_id));
        if (session) Object.assign(session, { expires_at: String(data.expires_at), last_refreshed_at: at });
      } else if (event.type === 'RefreshTokenFamilyRevoked') {
        revoke(data.family_id);
      } else if (event.type === 'PasswordChanged' && Array.isArray(data.revoked_family_ids)) {
        data.revoked_family_ids.forEach(revoke);
      }
    }
    return [...sessions.values()];
  }

  async logout(user_id: string, family_id: string, context: CommandContext): Promise<void> {
    await this.commands.handle(userAggregate, { type: 'EndSession', user_id, now: context.now, family_id }, context);
  }

  private newSession(now: string) {
    return { family_id: randomUUID(), token_id: randomUUID(), expires_at: this.tokens.refreshExpiry(new Date(now)) };
  }

  private respond(user: Registered, session: { family_id: string; token_id: string }): AuthResponse {
    const roles = effectiveRoles(user.roles, user.email, this.admins);
    return {
      user: { id: user.user_id, email: user.email, full_name: user.full_name, roles },
      access_token: this.tokens.signAccess({ sub: user.user_id, roles, fam: session.family_id }),
      refresh_token: this.tokens.signRefresh({ sub: user.user_id, fam: session.family_id, jti: session.token_id }),
      token_type: 'Bearer',
      expires_in: this.tokens.settings.access_ttl_seconds,
    };
  }

  private async load(user_id: string): Promise<Registered | null> {
    const { state } = await this.commands.load(userAggregate.decider, streamName('user', user_id));
    return state.status === 'registered' ? state : null;
  }

  private async exists(user_id: string): Promise<boolean> {
    return (await this.commands.store.readStream(streamName('user', user_id), { max_count: 1 })).length > 0;
  }
}
