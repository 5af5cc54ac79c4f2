import { randomBytes } from 'node:crypto';
import { decryptAll, encryptPaths, ERASED, isEncryptedField } from '../../../src/event-store/field-crypto';
import { SubjectKey } from '../../../src/key-store/port';

/**
 * encryptPaths and decryptAll copy only what they change: the input is never modified (it may be
 * an event another reader holds), and what they leave alone is the same as in the input.
 */
const key: SubjectKey = { kid: 'kid-1', subject: 'user-1', key: randomBytes(32) };
const keys = (known: boolean) => ({ keyById: async (kid: string): Promise<SubjectKey | null> => (known && kid === key.kid ? key : null) });

const data = () => ({
  profile_id: 'p-1',
  personal_info: { full_name: 'Ada Example', email: 'ada@example.com', links: { github: 'https://github.com/ada' } },
  experiences: [
    { title: 'Engineer', company: 'Contoso', achievements: ['Cut latency', 'Led team'] },
    { title: 'Lead', company: null, achievements: [] },
  ],
  skills: { technical: ['TypeScript'] },
});
const PATHS = ['personal_info.full_name', 'personal_info.links.github', 'experiences.*.company', 'experiences.*.achievements.*', 'missing.path'];

describe('field encryption copies only the way to each encrypted field', () => {
  it('given an event, when its personal paths are encrypted, then exactly those strings are sealed and the input is unchanged', () => {
    const input = data();
    const before = structuredClone(input);
    const sealed = encryptPaths(input, PATHS, key) as ReturnType<typeof data> & Record<string, any>;

    expect(input).toEqual(before);
    expect(isEncryptedField(sealed.personal_info.full_name)).toBe(true);
    expect(isEncryptedField(sealed.personal_info.links.github)).toBe(true);
    expect(sealed.personal_info.email).toBe('ada@example.com');
    expect(isEncryptedField(sealed.experiences[0].company)).toBe(true);
    expect(sealed.experiences[0].achievements.every(isEncryptedField)).toBe(true);
    expect(sealed.experiences[1].company).toBeNull();
    expect(sealed.experiences[0].title).toBe('Engineer');
    // Untouched parts are shared, not copied.
    expect(sealed.skills).toBe(input.skills);
    expect(sealed.experiences[1].achievements).toBe(input.experiences[1].achievements);
    expect(sealed.experiences).not.toBe(input.experiences);
  });

  it('given sealed data, when decrypted with the key, then it equals the original and the sealed input is unchanged', async () => {
    const sealed = encryptPaths(data(), PATHS, key);
    const snapshot = JSON.stringify(sealed);
    const { data: opened, erased } = await decryptAll(sealed, keys(true));
    expect(erased).toBe(false);
    expect(opened).toEqual(data());
    expect(JSON.stringify(sealed)).toBe(snapshot);
    expect(opened.skills).toBe(sealed.skills);
  });

  it('given sealed data whose key was destroyed, when decrypted, then every sealed field reads as erased and the rest as stored', async () => {
    const { data: opened, erased } = (await decryptAll(encryptPaths(data(), PATHS, key), keys(false))) as { data: Record<string, any>; erased: boolean };
    expect(erased).toBe(true);
    expect(opened.personal_info).toEqual({ full_name: ERASED, email: 'ada@example.com', links: { github: ERASED } });
    expect(opened.experiences[0]).toEqual({ title: 'Engineer', company: ERASED, achievements: [ERASED, ERASED] });
  });

  it('given data with nothing sealed, when decrypted, then it is returned as it is', async () => {
    const plain = data();
    expect((await decryptAll(plain, keys(true))).data).toBe(plain);
  });
});
