import { Worker } from 'node:worker_threads';

/**
 * The text of each page of a PDF, as pdf.js (through unpdf) extracts it. pdf.js is an ES module,
 * which jest's CommonJS runtime cannot load in-process, and parsing is CPU work that should not
 * hold up the event loop; so it runs in one worker thread, started on first use and kept (unref'd,
 * so it never keeps the process alive). A call that takes longer than its timeout ends the worker
 * and fails; the next call starts a new one.
 */
export async function extractPdfText(pdf: Buffer, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string[]> {
  return (extractor ??= new PdfTextWorker()).extract(pdf, timeoutMs);
}

/** Ends the worker (at shutdown, or after a test); a later call starts another. */
export async function stopPdfTextExtractor(): Promise<void> {
  const current = extractor;
  extractor = undefined;
  await current?.stop();
}

/** Loading pdf.js takes a few hundred milliseconds the first time; a three-page resume parses in tens after that. */
export const DEFAULT_TIMEOUT_MS = 15_000;

let extractor: PdfTextWorker | undefined;

// CommonJS evaluated in the worker: require() of unpdf's CommonJS entry, which imports pdf.js itself.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { extractText, getDocumentProxy } = require(workerData.unpdf);
parentPort.on('message', async ({ id, pdf }) => {
  try {
    const proxy = await getDocumentProxy(new Uint8Array(pdf), { verbosity: 0 });
    const { text } = await extractText(proxy, { mergePages: false });
    await proxy.destroy();
    parentPort.postMessage({ id, pages: text });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

type Reply = { id: number; pages: string[] } | { id: number; error: string };
interface Pending { resolve: (pages: string[]) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }

class PdfTextWorker {
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { unpdf: require.resolve('unpdf') } });
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor() {
    this.worker.on('message', (reply: Reply) => this.settle(reply));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`the PDF text extractor stopped (exit code ${code})`)));
    // After the listeners, as adding a 'message' listener refs the worker again. A pending call's
    // timeout timer keeps the process alive until the answer comes.
    this.worker.unref();
  }

  extract(pdf: Buffer, timeoutMs: number): Promise<string[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.failAll(new Error(`the PDF text extraction took longer than ${timeoutMs} ms`));
        void this.stop();
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage({ id, pdf });
    });
  }

  async stop(): Promise<void> {
    if (extractor === this) extractor = undefined;
    await this.worker.terminate();
  }

  private settle(reply: Reply): void {
    const call = this.pending.get(reply.id);
    if (!call) return;
    this.pending.delete(reply.id);
    clearTimeout(call.timer);
    if ('error' in reply) call.reject(new Error(reply.error));
    else call.resolve(reply.pages);
  }

  private failAll(error: Error): void {
    if (extractor === this) extractor = undefined;
    for (const call of this.pending.values()) {
      clearTimeout(call.timer);
      call.reject(error);
    }
    this.pending.clear();
  }
}
