import { execFile, execFileSync } from 'node:child_process';

/**
 * poppler's pdftotext, the extractor many ATS pipelines use, as a second reader of our PDFs
 * beside pdf.js. `scripts/ci/poppler.sh` installs it (CI runs it before the tests).
 */
export function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The PDF's text with pdftotext (`-layout` keeps the physical layout); pages end with a form feed. */
export function pdftotext(pdf: Buffer, mode: 'layout' | 'plain'): Promise<string> {
  const args = [...(mode === 'layout' ? ['-layout'] : []), '-enc', 'UTF-8', '-', '-'];
  return new Promise((resolve, reject) => {
    const child = execFile('pdftotext', args, { maxBuffer: 16 * 1024 * 1024, timeout: 20_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    child.stdin?.end(pdf);
  });
}

/**
 * Registers the suite when pdftotext is there. Without it the suite is skipped with a message —
 * except on CI (CI=true), where a missing pdftotext fails it, as a missing server fails the
 * integration suites (test/support/real-backends.ts).
 */
export function withPdftotext(name: string, register: () => void): void {
  if (hasPdftotext()) {
    describe(name, register);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs pdftotext', () => {
        throw new Error('pdftotext must be installed on CI (bash scripts/ci/poppler.sh installs poppler-utils)');
      });
    });
  } else {
    describe.skip(`${name} (pdftotext is missing: bash scripts/ci/poppler.sh installs poppler-utils)`, () => {
      it('needs pdftotext', () => undefined);
    });
  }
}
