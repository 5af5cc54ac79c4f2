import { createServer, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A local server that speaks OpenAI's chat-completions API (`POST /v1/chat/completions`), scripted
 * per test: each request takes the next scripted answer and is recorded, so a test can assert
 * what the real SDK sent (model, messages, response_format). An unscripted request gets a 599 so
 * a test that makes one more request than it expects fails visibly.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body. */
  body: ChatRequestBody;
}

export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string };
  [key: string]: unknown;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  /** JSON-encoded unless `raw` is given. */
  body?: unknown;
  raw?: string;
  /** Held this long before the status line is sent (a slow server). */
  delay_ms?: number;
}

export type Scripted = Answer | ((request: RecordedRequest) => Answer);

export interface ChatCompletionsServer {
  /** The base URL to give the SDK, ending in /v1. */
  readonly base_url: string;
  readonly requests: RecordedRequest[];
  /** Queues answers for the next requests, in order. */
  script(...answers: Scripted[]): void;
  close(): Promise<void>;
}

/** A 200 chat completion with `content` as the assistant message; it names the model the request asked for. */
export function completion(content: string, options: { usage?: { prompt_tokens: number; completion_tokens: number }; delay_ms?: number } = {}): Scripted {
  const usage = options.usage ?? { prompt_tokens: 100, completion_tokens: 50 };
  return (request) => ({
    status: 200,
    delay_ms: options.delay_ms,
    body: {
      id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: request.body.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    },
  });
}

/** An error answer in OpenAI's shape. */
export function apiError(status: number, message: string, extra: { param?: string; headers?: Record<string, string>; delay_ms?: number } = {}): Answer {
  return {
    status,
    headers: extra.headers,
    delay_ms: extra.delay_ms,
    body: { error: { message, type: status === 429 ? 'rate_limit_error' : 'server_error', param: extra.param ?? null, code: null } },
  };
}

export async function startChatCompletionsServer(): Promise<ChatCompletionsServer> {
  const queue: Scripted[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : {} };
      requests.push(request);
      const next = queue.shift();
      const answer: Answer =
        req.method !== 'POST' || req.url !== '/v1/chat/completions'
          ? { status: 404, body: { error: { message: `no route ${req.method} ${req.url}` } } }
          : next === undefined
            ? { status: 599, body: { error: { message: 'unscripted request' } } }
            : typeof next === 'function'
              ? next(request)
              : next;
      if (!answer.delay_ms) return send(res, answer);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) send(res, answer);
      }, answer.delay_ms);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    base_url: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...answers) => void queue.push(...answers),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function send(res: ServerResponse, answer: Answer): void {
  const payload = answer.raw ?? JSON.stringify(answer.body ?? {});
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  res.end(payload);
}
