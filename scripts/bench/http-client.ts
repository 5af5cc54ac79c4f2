import http from 'node:http';

/** A minimal keep-alive JSON client, so the load generator costs as little as possible. */
export class JsonClient {
  /**
   * `timeout` matters beyond its value: Node's agent only honours the server's `Keep-Alive:
   * timeout=5` hint (closing an idle socket a second before the server does) when it has a
   * timeout of its own. Without one, a socket idle for 5 s could be reused just as the server
   * closed it (ECONNRESET, seen once when the 32-client run took up sockets the registrations
   * had left idle).
   */
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 60_000 });

  constructor(private readonly port: number) {}

  request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
          });
        },
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface LoadResult {
  count: number;
  seconds: number;
  per_second: number;
  latencies_ms: number[];
  /** CPU time of this process (user + system) per operation, load generator included: less distorted than wall time on a shared machine. */
  cpu_us_per_op: number;
}

/** Runs `total` operations with `concurrency` workers; each op reports its own latency. */
export async function runLoad(total: number, concurrency: number, op: (i: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = process.hrtime.bigint();
        await op(i);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return { count: total, seconds, per_second: total / seconds, latencies_ms: latencies, cpu_us_per_op: (used.user + used.system) / total };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
