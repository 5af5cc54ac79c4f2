import express, { RequestHandler } from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { HELMET_OPTIONS, securityHeaders } from '../../../src/http/security-headers';

function appWith(middleware: RequestHandler) {
  const app = express();
  app.use(middleware);
  app.get('/x', (_req, res) => void res.json({ ok: true }));
  app.post('/x', (_req, res) => void res.status(201).json({ ok: true }));
  return app;
}

const headersOf = (res: request.Response) => {
  const { date: _date, etag: _etag, ...rest } = res.headers;
  return rest;
};

describe('security headers, taken once from helmet', () => {
  it.each([
    ['GET', '/x'],
    ['POST', '/x'],
    ['GET', '/missing'],
  ])('given %s %s, then the response carries exactly the headers helmet itself sets', async (method, path) => {
    const send = (app: express.Express) => (method === 'GET' ? request(app).get(path) : request(app).post(path).send({ a: 1 }));
    const ours = await send(appWith(securityHeaders()));
    const helmets = await send(appWith(helmet(HELMET_OPTIONS)));
    expect(ours.status).toBe(helmets.status);
    expect(headersOf(ours)).toEqual(headersOf(helmets));
    // Express's own 404 page sets a stricter policy of its own, with helmet as without.
    if (ours.status < 400) expect(ours.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(ours.headers['x-powered-by']).toBeUndefined();
  });
});
