import { Email, RecordedEmail, RequestTimestamp } from '../../../contracts/shared/primitives';

describe('e-mail addresses in recorded events', () => {
  it.each(["o'@example.com", "x'y@example.org", 'a_b+c@sub.example.co', 'plain@example.com'])(
    'given %s, which the API accepts, then an event recording it decodes',
    (address) => {
      expect(Email.safeParse(address).success).toBe(true);
      expect(RecordedEmail.safeParse(address).success).toBe(true);
    },
  );

  it('still refuses what is no e-mail address', () => {
    for (const value of ['not an email', 'a@b', '@example.com']) expect(RecordedEmail.safeParse(value).success).toBe(false);
  });
});

describe('timestamps a client sends', () => {
  it('are RFC 3339 date-times: seconds are required, fractions and offsets allowed', () => {
    for (const ok of ['2026-11-30T10:00:00Z', '2026-11-30T10:00:00.123+01:00']) expect(RequestTimestamp.safeParse(ok).success).toBe(true);
    for (const bad of ['0020-02-29T00:00Z', '2026-11-30', '2026-11-30T10:00']) expect(RequestTimestamp.safeParse(bad).success).toBe(false);
  });
});
