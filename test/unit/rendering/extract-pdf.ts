import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface PageLayout { width: number; height: number; lowestBaseline: number; highestBaseline: number }
export interface ExtractedPdf { pages: string[]; info: Record<string, unknown>; layout: PageLayout[] }

/** The text of each page and the info dictionary of a PDF, extracted by pdf.js in a child process (see pdfjs-extract.mjs). */
export function extractPdf(pdf: Buffer): Promise<ExtractedPdf> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(__dirname, 'pdfjs-extract.mjs')], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(JSON.parse(stdout) as ExtractedPdf);
    });
    child.stdin?.end(pdf);
  });
}
