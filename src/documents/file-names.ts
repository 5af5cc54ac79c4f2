import { ExportFormat } from '../../contracts/documents/rendering';

const LABEL = { resume: 'Resume', cover_letter: 'Cover Letter' } as const;

export interface Named {
  type: keyof typeof LABEL;
  person_name: string;
  job_title: string;
  company: string;
}

/**
 * The file name a download gets: "Ana María Núñez - Resume - Data Engineer - Zürich AG.pdf".
 * Characters that file systems or headers refuse (path separators, quotes, control characters)
 * are dropped, whitespace collapsed, each part shortened; never empty.
 */
export function fileNameOf(document: Named, format: ExportFormat): string {
  const parts = [document.person_name, LABEL[document.type], document.job_title, document.company].map((part) => clean(part).slice(0, 60).trim()).filter(Boolean);
  return `${parts.join(' - ') || LABEL[document.type]}.${format}`;
}

/**
 * RFC 6266 Content-Disposition: an ASCII `filename` for old clients (accents folded, anything
 * else replaced by `_`), and `filename*` in UTF-8 (RFC 8187) with the real name.
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}

function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f/\\:*?"<>|;]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Percent-encodes everything but RFC 8187's attr-char. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
