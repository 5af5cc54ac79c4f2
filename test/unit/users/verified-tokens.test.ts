import { randomUUID } from 'node:crypto';
import { EmbeddedReadStore } from '../../../src/read-store/embedded';
import { ManualClock } from '../../../src/shared/clock';
import { AccessRevocations, RevocationAwareVerifier } from '../../../src/users/access-revocations';
import { TokenService, VerifiedAccess } from '../../../src/users/session-tokens';
import { VerifiedTokenCache } from '../../../src/users/verified-tokens';

const settings = { secret: 'test-secret', access_ttl_seconds: 900, refresh_ttl_seconds: 3600 };

/** A TokenService that counts the tokens it really verifies. */
class CountingTokens extends TokenService {
  verified = 0;
  override verifyAccess(token: string): VerifiedAccess | null {
    this.verified++;
    return super.verifyAccess(token);
  }
}

function setup(cache = new VerifiedTokenCache()) {
  const clock = new ManualClock(new Date().toISOString());
  const tokens = new CountingTokens(settings);
  const revocations = new AccessRevocations(new EmbeddedReadStore(), clock, 1000);
  return { tokens, revocations, verifier: new RevocationAwareVerifier(tokens, revocations, cache) };
}

const claims = () => ({ sub: randomUUID(), roles: ['user' as const], fam: randomUUID() });

describe('verified access tokens are cached until they expire; revocation is still asked every time', () => {
  it('given a token verified once, when it comes again, then its signature is not checked again and the same user comes back', async () => {
    const { tokens, verifier } = setup();
    const c = claims();
    const token = tokens.signAccess(c);
    const first = await verifier.verifyAccess(token);
    const second = await verifier.verifyAccess(token);
    expect(first).toMatchObject({ id: c.sub, session_id: c.fam, roles: ['user'] });
    expect(second).toEqual(first);
    expect(tokens.verified).toBe(1);
  });

  it('given a cached token, when its session is revoked (logout, password change, erasure), then it is refused at once', async () => {
    const { tokens, revocations, verifier } = setup();
    const c = claims();
    const token = tokens.signAccess(c);
    expect(await verifier.verifyAccess(token)).not.toBeNull();
    await revocations.revokeSession(c.fam, new Date(Date.now() + 900_000));
    expect(await verifier.verifyAccess(token)).toBeNull();
  });

  it('given a cached token, when the token itself is revoked, then it is refused at once', async () => {
    const { tokens, revocations, verifier } = setup();
    const token = tokens.signAccess(claims());
    const user = (await verifier.verifyAccess(token))!;
    await revocations.revokeToken(user.token_id!, user.expires_at!);
    expect(await verifier.verifyAccess(token)).toBeNull();
  });

  it('given a caller that changes the user it got, then the next request still gets the token\'s own claims', async () => {
    const { tokens, verifier } = setup();
    const token = tokens.signAccess(claims());
    const user = (await verifier.verifyAccess(token))!;
    user.roles.push('admin');
    user.id = 'someone else';
    const again = (await verifier.verifyAccess(token))!;
    expect(again.roles).toEqual(['user']);
    expect(again.id).not.toBe('someone else');
  });

  it('given a cached token, when its expiry second is reached, then the cache no longer answers for it', () => {
    let now = 1_700_000_000_000;
    const cache = new VerifiedTokenCache(10, () => now);
    const access: VerifiedAccess = { id: 'u', roles: ['user'], session_id: 's', token_id: 't', expires_at: new Date(now + 60_000) };
    cache.set('token', access);
    now += 59_999;
    expect(cache.get('token')).toMatchObject({ id: 'u' });
    now += 1;
    expect(cache.get('token')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('given more tokens than it holds, then the least recently used go first', () => {
    const cache = new VerifiedTokenCache(2, () => 0);
    const access = (id: string): VerifiedAccess => ({ id, roles: [], session_id: 's', expires_at: new Date(3_600_000) });
    cache.set('a', access('a'));
    cache.set('b', access('b'));
    cache.get('a');
    cache.set('c', access('c'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.id).toBe('a');
    expect(cache.get('c')?.id).toBe('c');
    expect(cache.size).toBe(2);
  });

  it('never caches a token without an expiry', () => {
    const cache = new VerifiedTokenCache(2, () => 0);
    cache.set('forever', { id: 'u', roles: [], session_id: 's' });
    expect(cache.get('forever')).toBeUndefined();
  });

  it('an expired token is refused by the verifier even after it was cached', async () => {
    jest.useFakeTimers({ now: Date.now() });
    try {
      const { tokens, verifier } = setup();
      const token = tokens.signAccess(claims());
      expect(await verifier.verifyAccess(token)).not.toBeNull();
      jest.setSystemTime(Date.now() + settings.access_ttl_seconds * 1000 + 1000);
      expect(await verifier.verifyAccess(token)).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });
});
