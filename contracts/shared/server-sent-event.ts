import { z } from 'zod';

/**
 * One event of a `text/event-stream` response, as a client's EventSource parser reads it (the
 * fields of the SSE format; `data` is the JSON text named by the route's description). The
 * OpenAPI document declares a stream by the shape of each of its events, as OpenAPI 3.2's
 * `itemSchema` does and as contract testers validate it.
 */
export const ServerSentEvent = z
  .object({
    event: z.string().optional(),
    data: z.string(),
    id: z.string().optional(),
    retry: z.number().int().optional(),
  })
  .meta({ description: 'One server-sent event: its `event` name, `data` (JSON text) and optional `id`' });
