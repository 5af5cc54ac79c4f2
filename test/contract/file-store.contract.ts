import { randomBytes, randomUUID } from 'node:crypto';
import { KeyStore } from '../../src/key-store/port';
import { FileStore, InvalidFilePathError, StoredFilePath } from '../../src/storage/port';

/** A file store and the key store it encrypts with (the contract erases a user through it). */
export interface FileStoreUnderTest {
  files: FileStore;
  keys: KeyStore;
}

const pathOf = (overrides: Partial<StoredFilePath> = {}): StoredFilePath => ({
  user_id: randomUUID(),
  document_type: 'resume',
  document_id: randomUUID(),
  name: 'v1.professional.pdf',
  ...overrides,
});

/** What every FileStore adapter must do. */
export function fileStoreContract(name: string, open: () => Promise<FileStoreUnderTest>) {
  describe(`file store contract: ${name}`, () => {
    let files: FileStore;
    let keys: KeyStore;
    beforeAll(async () => {
      ({ files, keys } = await open());
    });

    it('given a stored file, when it is read, then the same bytes come back', async () => {
      const path = pathOf();
      const bytes = Buffer.from('%PDF-1.7 Ada Lovelace, analyst');
      await files.put(path, bytes);
      expect((await files.get(path))?.equals(bytes)).toBe(true);
    });

    it('round-trips a 5 MB file and an empty one', async () => {
      const big = randomBytes(5 * 1024 * 1024);
      const path = pathOf({ name: 'v2.modern.docx' });
      await files.put(path, big);
      expect((await files.get(path))?.equals(big)).toBe(true);
      const empty = pathOf({ name: 'empty.txt' });
      await files.put(empty, Buffer.alloc(0));
      expect(await files.get(empty)).toEqual(Buffer.alloc(0));
    });

    it('given no file at a path, when it is read, then the answer is null', async () => {
      expect(await files.get(pathOf())).toBeNull();
    });

    it('given a stored file, when another is put at the same path, then the new bytes replace it', async () => {
      const path = pathOf();
      await files.put(path, Buffer.from('first version'));
      await files.put(path, Buffer.from('second'));
      expect((await files.get(path))?.toString()).toBe('second');
    });

    it('given a stored file, when it is deleted, then it is gone and deleting it again is fine', async () => {
      const path = pathOf();
      const sibling = { ...path, name: 'v1.professional.html' };
      await files.put(path, Buffer.from('pdf'));
      await files.put(sibling, Buffer.from('html'));
      await files.delete(path);
      await files.delete(path);
      await files.delete(pathOf());
      expect(await files.get(path)).toBeNull();
      expect((await files.get(sibling))?.toString()).toBe('html');
    });

    it('deletes all files of one document, of one document type, or of a user, and nobody else’s', async () => {
      const user = randomUUID();
      const other = randomUUID();
      const resume = randomUUID();
      const secondResume = randomUUID();
      const letter = randomUUID();
      const put = (path: StoredFilePath) => files.put(path, Buffer.from(path.name));
      const paths = [
        pathOf({ user_id: user, document_id: resume, name: 'v1.pdf' }),
        pathOf({ user_id: user, document_id: resume, name: 'v2.pdf' }),
        pathOf({ user_id: user, document_id: secondResume, name: 'v1.pdf' }),
        pathOf({ user_id: user, document_type: 'cover_letter', document_id: letter, name: 'v1.pdf' }),
        pathOf({ user_id: user, document_type: 'cover_letter', document_id: letter, name: 'v1.txt' }),
      ];
      const others = [pathOf({ user_id: other, document_id: resume, name: 'v1.pdf' }), pathOf({ user_id: other, document_type: 'cover_letter', name: 'v1.pdf' })];
      for (const path of [...paths, ...others]) await put(path);
      const present = async (list: StoredFilePath[]) => Promise.all(list.map(async (path) => (await files.get(path)) !== null));

      expect(await files.deleteAll({ user_id: user, document_id: resume })).toBe(2);
      expect(await present(paths)).toEqual([false, false, true, true, true]);
      expect(await files.deleteAll({ user_id: user, document_type: 'cover_letter' })).toBe(2);
      expect(await present(paths)).toEqual([false, false, true, false, false]);
      await put(paths[3]!);
      expect(await files.deleteAll({ user_id: user })).toBe(2);
      expect(await present(paths)).toEqual([false, false, false, false, false]);
      expect(await files.deleteAll({ user_id: user })).toBe(0);
      expect(await files.deleteAll({ user_id: user, document_type: 'resume', document_id: randomUUID() })).toBe(0);

      expect(await present(others)).toEqual([true, true]);
      expect((await files.get(others[0]!))?.toString()).toBe('v1.pdf');
    });

    it('given a user whose keys were destroyed, when their file is read, then the answer is null (erased), and other users still read theirs', async () => {
      const erased = pathOf();
      const kept = pathOf();
      await files.put(erased, Buffer.from('erase me'));
      await files.put(kept, Buffer.from('keep me'));
      await keys.destroySubject(erased.user_id);
      expect(await files.get(erased)).toBeNull();
      expect((await files.get(kept))?.toString()).toBe('keep me');
      // The user's later files (a fresh key) are readable; the erased ones stay erased.
      const later = { ...erased, name: 'v2.pdf' };
      await files.put(later, Buffer.from('new key'));
      expect((await files.get(later))?.toString()).toBe('new key');
      expect(await files.get(erased)).toBeNull();
    });

    describe('path validation', () => {
      const bad: [string, Partial<StoredFilePath>][] = [
        ['a name with ..', { name: '..' }],
        ['a name containing ..', { name: 'v1..pdf' }],
        ['a name that is a path', { name: '../../etc/passwd' }],
        ['a name with a slash', { name: 'a/b.pdf' }],
        ['a name with a backslash', { name: 'a\\b.pdf' }],
        ['a hidden name', { name: '.v1.pdf' }],
        ['an empty name', { name: '' }],
        ['a name with capitals', { name: 'V1.pdf' }],
        ['a name with a space', { name: 'v1 final.pdf' }],
        ['a name with a NUL byte', { name: 'v1.pdf\u0000.txt' }],
        ['a name of 101 characters', { name: 'a'.repeat(101) }],
        ['a user id that is not a UUID', { user_id: '..' }],
        ['an upper-case user id', { user_id: randomUUID().toUpperCase() }],
        ['a document id that is not a UUID', { document_id: '../other' }],
        ['an unknown document type', { document_type: 'photos' as StoredFilePath['document_type'] }],
      ];
      it.each(bad)('refuses %s on put, get and delete', async (_, overrides) => {
        const path = pathOf(overrides);
        await expect(files.put(path, Buffer.from('x'))).rejects.toThrow(InvalidFilePathError);
        await expect(files.get(path)).rejects.toThrow(InvalidFilePathError);
        await expect(files.delete(path)).rejects.toThrow(InvalidFilePathError);
      });

      it('accepts a name of 100 characters with dots, dashes and underscores', async () => {
        const path = pathOf({ name: `v3.pro_fessional-2.${'a'.repeat(81)}` });
        expect(path.name).toHaveLength(100);
        await files.put(path, Buffer.from('ok'));
        expect((await files.get(path))?.toString()).toBe('ok');
      });

      it('refuses an owner that is not a UUID, or an odd document on deleteAll', async () => {
        await expect(files.deleteAll({ user_id: '..' })).rejects.toThrow(InvalidFilePathError);
        await expect(files.deleteAll({ user_id: '' })).rejects.toThrow(InvalidFilePathError);
        await expect(files.deleteAll({ user_id: randomUUID(), document_id: '..' })).rejects.toThrow(InvalidFilePathError);
        await expect(files.deleteAll({ user_id: randomUUID(), document_type: 'x' as StoredFilePath['document_type'] })).rejects.toThrow(InvalidFilePathError);
      });
    });
  });
}
