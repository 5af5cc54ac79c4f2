import { randomUUID } from 'node:crypto';
import { AuthResponse } from '../../contracts/users/http';
import { UserCommand } from '../../contracts/users/commands';
import { EventStore } from '../event-store/port';
import { readClaim, takeClaim } from '../shared/claims';
import { CommandContext, handleCommand, loadAggregate } from '../shared/command-handler';
import { DomainError } from '../shared/errors';
import { ID_NAMESPACES, uuidV5 } from '../shared/ids';
import { streamName } from '../shared/streams';
import { userDecider, UserState } from './user-decider';
import { hashPassword, ScryptCost, verifyPassword } from './passwords';
import { TokenService } from './session-tokens';

type Registered = Extract<UserState, { status: 'registered' }>;

export const emailClaimStream = (email: string) => streamName('useremail', uuidV5(email.trim().toLowerCase(), ID_NAMESPACES.email));

const invalidCredentials = () => new DomainError('AUTH.INVALID_CREDENTIALS', 'E-mail or password is incorrect');

/** Accounts: registration, sessions with rotating refresh tokens. Users live on `user-<uuid>` streams. */
export class AuthService {
  /** Hash compared against when the e-mail is unknown, so both failures take the same time. */
  private readonly decoyHash: Promise<string>;

  constructor(
    private readonly store: EventStore,
    private readonly tokens: TokenService,
    private readonly scryptCost: ScryptCost,
  ) {
    this.decoyHash = hashPassword(randomUUID(), scryptCost);
  }

  /** Registers and starts a session; `position` is that of the registration event (for read-your-writes). */
  async register(
    input: { email: string; password: string; full_name: string },
    context: CommandContext,
  ): Promise<{ session: AuthResponse; position: string | null }> {
    const user_id = randomUUID();
    const password_hash = await hashPassword(input.password, this.scryptCost);
    const claimed = await takeClaim(this.store, emailClaimStream(input.email), user_id, (holder) => this.exists(holder), context);
    if (!claimed) {
      throw new DomainError('USER.EMAIL_TAKEN', 'An account with this e-mail already exists', [{ path: 'email', message: 'is already registered' }]);
    }
    const session = this.newSession(context.now);
    const { state, position } = await this.run(
      { type: 'RegisterUser', user_id, now: context.now, email: input.email, full_name: input.full_name, password_hash, roles: ['user'], ...session },
      { ...context, actor: user_id },
    );
    return { session: this.respond(state as Registered, session), position };
  }

  async login(input: { email: string; password: string }, context: CommandContext): Promise<AuthResponse> {
    const { owner } = await readClaim(this.store, emailClaimStream(input.email));
    const user = owner ? await this.load(owner) : null;
    const valid = await verifyPassword(input.password, user?.password_hash ?? (await this.decoyHash));
    if (!user || !valid) throw invalidCredentials();
    const session = this.newSession(context.now);
    await this.run({ type: 'StartSession', user_id: user.user_id, now: context.now, ...session }, context);
    return this.respond(user, session);
  }

  async refresh(refresh_token: string, context: CommandContext): Promise<AuthResponse> {
    const claims = this.tokens.verifyRefresh(refresh_token);
    if (!claims) throw new DomainError('AUTH.INVALID_REFRESH_TOKEN', 'The refresh token is not valid');
    const next = { family_id: claims.fam, token_id: randomUUID(), expires_at: this.tokens.refreshExpiry(new Date(context.now)) };
    const { state, events } = await this.run(
      { type: 'RotateRefreshToken', user_id: claims.sub, now: context.now, presented_token_id: claims.jti, ...next },
      { ...context, actor: claims.sub },
    );
    if (events[0]?.type !== 'RefreshTokenRotated') {
      throw new DomainError('AUTH.INVALID_REFRESH_TOKEN', 'The refresh token was already used; the session has been revoked');
    }
    return this.respond(state as Registered, next);
  }

  async logout(user_id: string, family_id: string, context: CommandContext): Promise<void> {
    await this.run({ type: 'EndSession', user_id, now: context.now, family_id }, context);
  }

  private newSession(now: string) {
    return { family_id: randomUUID(), token_id: randomUUID(), expires_at: this.tokens.refreshExpiry(new Date(now)) };
  }

  private respond(user: Registered, session: { family_id: string; token_id: string }): AuthResponse {
    return {
      user: { id: user.user_id, email: user.email, full_name: user.full_name, roles: user.roles },
      access_token: this.tokens.signAccess({ sub: user.user_id, roles: user.roles, fam: session.family_id }),
      refresh_token: this.tokens.signRefresh({ sub: user.user_id, fam: session.family_id, jti: session.token_id }),
      token_type: 'Bearer',
      expires_in: this.tokens.settings.access_ttl_seconds,
    };
  }

  private run(command: UserCommand, context: CommandContext) {
    return handleCommand(this.store, userDecider, streamName('user', command.user_id), command, context);
  }

  private async load(user_id: string): Promise<Registered | null> {
    const { state } = await loadAggregate(this.store, userDecider, streamName('user', user_id));
    return state.status === 'registered' ? state : null;
  }

  private async exists(user_id: string): Promise<boolean> {
    return (await this.store.readStream(streamName('user', user_id), { max_count: 1 })).length > 0;
  }
}
