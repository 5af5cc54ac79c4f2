import { contentDisposition, fileNameOf } from '../../../src/documents/file-names';
import { checkShare } from '../../../src/documents/share-access';
import { DomainError } from '../../../src/shared/errors';

describe('download file names', () => {
  it('names the file after the person, the type and the job, without characters a file system refuses', () => {
    const name = fileNameOf({ type: 'resume', person_name: 'Ana María Núñez', job_title: 'Data/ML Engineer', company: 'Zürich "AG"' }, 'pdf');
    expect(name).toBe('Ana María Núñez - Resume - Data ML Engineer - Zürich AG.pdf');
    expect(fileNameOf({ type: 'cover_letter', person_name: '', job_title: '', company: '' }, 'txt')).toBe('Cover Letter.txt');
  });

  it('writes RFC 6266 Content-Disposition: an ASCII fallback and the UTF-8 name, for Greek, Cyrillic and Chinese names too', () => {
    expect(contentDisposition('Ana María - Resume.pdf')).toBe(`attachment; filename="Ana Maria - Resume.pdf"; filename*=UTF-8''Ana%20Mar%C3%ADa%20-%20Resume.pdf`);
    const header = contentDisposition('Γιώργος Παπαδόπουλος - 王小明 - Иван.docx');
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+\.docx"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+\.docx$/);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('Γιώργος Παπαδόπουλος - 王小明 - Иван.docx');
  });
});

describe('share link checks', () => {
  const share = { share_id: 'x', token_hash: 'h', password_hash: null, password_protected: false, permissions: ['view' as const], expires_at: '2026-12-01T00:00:00.000Z', version: null, revoked: false, created_at: '2026-11-30T00:00:00.000Z', views: 0, downloads: 0 };
  const code = (run: () => void) => {
    try {
      run();
      return 'ok';
    } catch (error) {
      return (error as DomainError).code;
    }
  };

  it('lets a live link do what it allows, and nothing else', () => {
    expect(code(() => checkShare(share, 'view', '2026-11-30T12:00:00.000Z'))).toBe('ok');
    expect(code(() => checkShare(share, 'download', '2026-11-30T12:00:00.000Z'))).toBe('SHARE.FORBIDDEN');
  });

  it('stops a link at its expiry instant and once revoked', () => {
    expect(code(() => checkShare(share, 'view', '2026-12-01T00:00:00.000Z'))).toBe('SHARE.GONE');
    expect(code(() => checkShare({ ...share, revoked: true }, 'view', '2026-11-30T12:00:00.000Z'))).toBe('SHARE.GONE');
  });
});
