import express from 'express';
import request from 'supertest';
import { HealthDeps, mountHealth } from '../../src/http/health';
import { ProjectorStatus } from '../../src/projector/projection-runner';
import { RelayStatus } from '../../src/relay';
import { startTestApp } from '../support/app';

/** GET /health is liveness; GET /health/ready is 503 until this process's read models are caught up. */
const projector = (name: string, ready: boolean): ProjectorStatus => ({ name, state: ready ? 'live' : 'catching_up', checkpoint: '', events_applied: 0, events_failed: 0, last_error: null, ready });
const relay = (state: RelayStatus['state']): RelayStatus => ({ state, checkpoint: '', events_published: 0, events_internal: 0, events_failed: 0, last_error: null });

function appWith(status: { projectors: ProjectorStatus[]; relay: RelayStatus | null; pending?: string[] }) {
  const app = express();
  mountHealth(app, { projectors: () => status.projectors, relay: () => status.relay, pendingTasks: () => status.pending ?? [] } as unknown as HealthDeps);
  return request(app);
}

describe('GET /health/ready', () => {
  it('answers 503 naming what it waits for while a projector catches up or the relay starts, then 200; /health answers 200 throughout', async () => {
    const status = { projectors: [projector('users_v1', true), projector('profiles_v1', false)], relay: relay('starting') };
    const http = appWith(status);

    const starting = await http.get('/health/ready');
    expect(starting.status).toBe(503);
    expect(starting.body).toEqual({ status: 'starting', waiting_for: ['profiles_v1', 'relay'] });
    expect((await http.get('/health')).status).toBe(200);

    status.projectors = [projector('users_v1', true), projector('profiles_v1', true)];
    status.relay = relay('catching_up');
    const ready = await http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
  });

  it('given a start-up load still preparing (the catalogue waiting for its read model), then 503 names it until it is done', async () => {
    const status = { projectors: [projector('jobs_v2', true)], relay: null, pending: ['job-catalogue'] };
    const http = appWith(status);
    expect((await http.get('/health/ready')).body).toEqual({ status: 'starting', waiting_for: ['job-catalogue'] });
    status.pending = [];
    expect((await http.get('/health/ready')).status).toBe(200);
  });

  it('given a process that runs neither projectors nor the relay, then it is ready once it answers', async () => {
    expect((await appWith({ projectors: [], relay: null }).get('/health/ready')).status).toBe(200);
  });

  it('given the whole app started on a data dir, then it turns ready', async () => {
    const t = await startTestApp();
    try {
      let res = await t.http.get('/health/ready');
      for (let i = 0; i < 200 && res.status !== 200; i++) {
        expect(res.status).toBe(503);
        await new Promise((resolve) => setTimeout(resolve, 25));
        res = await t.http.get('/health/ready');
      }
      expect(res.status).toBe(200);
      const detailed = await t.http.get('/health/detailed');
      expect(detailed.body.projectors.length).toBeGreaterThan(0);
    } finally {
      await t.stop();
    }
  });
});
