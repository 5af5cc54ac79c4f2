import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * A local job board on an ephemeral port serving recorded responses in the Greenhouse Job Board
 * API and Lever Postings API formats (test/fixtures/job-boards). Tests script failures ahead of
 * the recorded answer; no test reaches the internet. Boards: Greenhouse `acmerobotics`, Lever `acme`;
 * any other path is a 404.
 */
export type Reply = { status: number; headers?: Record<string, string>; body?: unknown; raw?: string } | 'hang';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'job-boards', name), 'utf8'));
export const greenhouseJobs = () => fixture('greenhouse-jobs.json') as { jobs: Record<string, unknown>[]; meta: { total: number } };
export const leverPostings = () => fixture('lever-postings.json') as Record<string, unknown>[];

export class JobBoardServer {
  /** Every request's path and query, in order. */
  readonly requests: string[] = [];
  /** Answers used before the recorded ones, first in first out. */
  readonly scripted: Reply[] = [];
  /** Answered instead of the recorded response to every request while set. */
  always: Reply | null = null;
  greenhouse = greenhouseJobs();
  lever = leverPostings();
  private server: Server | null = null;
  private readonly hanging = new Set<ServerResponse>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.answer(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    this.requests.push(req.url ?? '');
    const reply = this.scripted.shift() ?? this.always ?? this.recorded(new URL(req.url ?? '/', 'http://board'));
    if (reply === 'hang') {
      this.hanging.add(res);
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)));
  }

  private recorded(url: URL): Reply {
    if (/^\/v1\/boards\/acmerobotics\/jobs$/.test(url.pathname)) {
      return { status: 200, body: { jobs: this.greenhouse.jobs, meta: { total: this.greenhouse.jobs.length } } };
    }
    if (/^\/v0\/postings\/acme$/.test(url.pathname)) {
      const skip = Number(url.searchParams.get('skip') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 100);
      return { status: 200, body: this.lever.slice(skip, skip + limit) };
    }
    return { status: 404, body: { error: 'Not found' } };
  }
}
