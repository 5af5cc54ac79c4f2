import { ExportFormat, PageSize } from '../../contracts/documents/rendering';
import { DocumentDocument } from '../../contracts/documents/read-model';
import { Template } from '../../contracts/generations/content';
import { contentTypes, render } from '../rendering';
import { FileDecryptError, FileStore, StoredFilePath } from '../storage/port';
import { DomainError } from '../shared/errors';
import { fileNameOf } from './file-names';

export interface Asked {
  format: ExportFormat;
  template?: Template;
  page_size?: PageSize;
  /** Default: the current version. */
  version?: number;
}

export interface ExportFile {
  bytes: Buffer;
  version: number;
  format: ExportFormat;
  template: Template;
  page_size: PageSize;
  content_type: string;
  file_name: string;
}

/**
 * The file of one version in one format, template and page size: from the file store when it
 * was rendered before (exports are cached per version, format, template and page size), else
 * rendered from the version's content and stored. A cached file that does not decrypt (damaged)
 * is rendered again rather than served.
 */
export async function exportFile(files: FileStore, doc: DocumentDocument, asked: Asked): Promise<ExportFile> {
  const version = doc.versions.find((v) => v.version === (asked.version ?? doc.current_version));
  if (!version) throw new DomainError('DOCUMENT.VERSION_NOT_FOUND', `The document has no version ${asked.version}`);
  const template = asked.template ?? version.template;
  const page_size = asked.page_size ?? 'letter';
  const { format } = asked;
  const path: StoredFilePath = { user_id: doc.user_id, document_type: doc.type, document_id: doc.id, name: `v${version.version}.${template}.${page_size}.${format}` };
  let bytes = await files.get(path).catch((error: unknown) => {
    if (error instanceof FileDecryptError) return null;
    throw error;
  });
  if (!bytes) {
    const metadata = { title: doc.title, author: doc.person_name.trim() || 'JobWise' };
    const document = version.resume ? { kind: 'resume' as const, content: version.resume } : { kind: 'cover_letter' as const, content: version.cover_letter! };
    bytes = await render(document, { format, template, page_size, metadata });
    await files.put(path, bytes);
  }
  return { bytes, version: version.version, format, template, page_size, content_type: contentTypes[format], file_name: fileNameOf(doc, format) };
}
