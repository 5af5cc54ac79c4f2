import { FINISHED_STATUSES } from '../../contracts/generations/http';
import { ResponseStream } from '../http/route';
import { DomainError } from '../shared/errors';
import { GenerationRouteDeps } from './generation-route-deps';

/** How long one event stream stays open; a client (EventSource) reconnects after it. */
const STREAM_MS = 60_000;
const KEEP_ALIVE_MS = 15_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `status` now and at every change (polling the read model), then `end` once the generation has finished or is gone. */
export async function statusEvents(deps: GenerationRouteDeps, generation_id: string, user_id: string, out: ResponseStream): Promise<void> {
  const poll = deps.poll_ms ?? 200;
  const until = Date.now() + STREAM_MS;
  let sent = '';
  let quiet = 0;
  while (!out.closed() && Date.now() < until) {
    const view = await deps.queries.view(generation_id, user_id).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'GENERATION.NOT_FOUND') return null;
      throw error;
    });
    if (!view) return out.write('event: end\ndata: {"status":"deleted"}\n\n');
    const data = JSON.stringify(view);
    if (data !== sent) {
      out.write(`event: status\nid: ${view.version}\ndata: ${data}\n\n`);
      sent = data;
      quiet = 0;
    } else if ((quiet += poll) >= KEEP_ALIVE_MS) {
      out.write(': keep-alive\n\n');
      quiet = 0;
    }
    if (FINISHED_STATUSES.includes(view.status)) return out.write(`event: end\ndata: ${JSON.stringify({ status: view.status })}\n\n`);
    await sleep(poll);
  }
}
