import { TOKENS } from '../../src/container-tokens';
import { RouteSpec } from '../../src/http/route';
import { startTestApp, TestApp } from '../support/app';

/**
 * The served OpenAPI document is what swagger-ui renders at /docs and what schemathesis tests
 * against (scripts/ci/schemathesis.sh): it must be clean OpenAPI 3.1 and state the constraints the
 * server enforces. No OpenAPI validator is installed, so these are structural checks.
 */
type Json = Record<string, any>;
let t: TestApp;
let doc: Json;
let routes: RouteSpec[];

beforeAll(async () => {
  t = await startTestApp();
  const res = await t.http.get('/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
  routes = t.app.container.get<RouteSpec[]>(TOKENS.Routes);
});
afterAll(() => t.stop());

/** Every object in the document, with its JSON pointer. */
function* walk(node: unknown, pointer = ''): Generator<[string, Json]> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* walk(item, `${pointer}/${i}`);
  } else if (node && typeof node === 'object') {
    yield [pointer, node as Json];
    for (const [key, value] of Object.entries(node)) yield* walk(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
}

function resolve(pointer: string): unknown {
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Json)[key] : undefined), doc);
}

/** The schemas of the document (parameters, bodies, responses), each with where it is. */
function schemas(): [string, Json][] {
  return [...walk(doc)].filter(([pointer]) => /\/schema$/.test(pointer));
}

const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const operationOf = (method: string, path: string) => doc.paths[path]?.[method];

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 in the default dialect: no jsonSchemaDialect for swagger-ui to warn about', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    // swagger-ui renders a red warning for any jsonSchemaDialect other than the OAS default
    expect([undefined, 'https://spec.openapis.org/oas/3.1/dialect/base']).toContain(doc.jsonSchemaDialect);
    for (const [pointer] of [...walk(doc)].filter(([, node]) => '$schema' in node)) throw new Error(`$schema at ${pointer}`);
  });

  it('every $ref resolves inside the document', () => {
    const refs = [...walk(doc)].filter(([, node]) => typeof node.$ref === 'string');
    for (const [pointer, node] of refs) {
      expect({ pointer, ref: node.$ref, local: node.$ref.startsWith('#') }).toEqual({ pointer, ref: node.$ref, local: true });
      expect({ pointer, ref: node.$ref, resolved: resolve(node.$ref) !== undefined }).toEqual({ pointer, ref: node.$ref, resolved: true });
    }
  });

  it('has every declared route, with its parameters, body and responses', () => {
    expect(routes.length).toBeGreaterThan(30);
    const operationIds = new Set<string>();
    for (const spec of routes) {
      const path = openApiPath(spec.path);
      const op = operationOf(spec.method, path);
      expect({ route: `${spec.method} ${path}`, present: Boolean(op) }).toEqual({ route: `${spec.method} ${path}`, present: true });
      expect(operationIds.has(op.operationId)).toBe(false);
      operationIds.add(op.operationId);
      expect(Object.keys(op.responses).sort()).toEqual(Object.keys(spec.responses).sort());
      for (const [status, response] of Object.entries(spec.responses)) {
        expect(op.responses[status].description).toBe(response.description);
        if (response.schema) expect(Object.keys(op.responses[status].content)).toEqual(response.content_types ?? [response.content_type ?? 'application/json']);
        else expect(op.responses[status].content).toBeUndefined();
      }
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = op.parameters.filter((p: Json) => p.in === 'path');
      expect(declared.map((p: Json) => p.name)).toEqual(pathParams);
      for (const p of declared) expect(p.required).toBe(true);
      expect(Boolean(op.requestBody)).toBe(Boolean(spec.body));
      expect(Boolean(op.security)).toBe(spec.auth !== false);
    }
    const documented = Object.entries(doc.paths as Json).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${openApiPath(r.path)}`).sort());
  });

  it('uses only patterns an ECMA-262 engine compiles in unicode mode, and only known formats', () => {
    const known = new Set(['date-time', 'date', 'time', 'duration', 'email', 'idn-email', 'hostname', 'idn-hostname', 'ipv4', 'ipv6', 'uri', 'uri-reference', 'iri', 'iri-reference', 'uuid', 'uri-template', 'json-pointer', 'relative-json-pointer', 'regex', 'int32', 'int64', 'float', 'double', 'password', 'byte', 'binary']);
    for (const [pointer, node] of walk(doc)) {
      if (typeof node.pattern === 'string') expect(() => new RegExp(node.pattern, 'u')).not.toThrow();
      if (typeof node.format === 'string') expect({ pointer, format: node.format, known: known.has(node.format) }).toEqual({ pointer, format: node.format, known: true });
    }
    expect(schemas().length).toBeGreaterThan(50);
  });

  it('a request body is optional exactly where an empty body is accepted', () => {
    expect(operationOf('post', '/api/v1/auth/logout').requestBody.required).toBe(false);
    expect(operationOf('post', '/api/v1/auth/register').requestBody.required).toBe(true);
    expect(operationOf('post', '/api/v1/profiles').requestBody.required).toBe(true);
  });

  it('says that a body is a JSON object or array where any JSON is accepted (the parser takes nothing else)', () => {
    const validate = operationOf('post', '/api/v1/jobs/validate').requestBody.content['application/json'].schema;
    expect(validate.type).toEqual(['object', 'array']);
  });

  it('links what a POST creates to the routes under it, and every link names a real operation', () => {
    const ids = new Set(Object.values(doc.paths as Json).flatMap((methods) => Object.values(methods as Json).map((op: Json) => op.operationId)));
    const links = [...walk(doc)].filter(([pointer]) => /\/links\/[^/]+$/.test(pointer));
    expect(links.length).toBeGreaterThan(10);
    for (const [pointer, link] of links) expect({ pointer, known: ids.has(link.operationId) }).toEqual({ pointer, known: true });
    const job = operationOf('post', '/api/v1/jobs').responses['201'].links;
    expect(job.get_api_v1_jobs_id).toEqual({ operationId: 'get_api_v1_jobs_id', parameters: { id: '$response.body#/id' } });
    expect(Object.keys(job)).toEqual(expect.arrayContaining(['put_api_v1_jobs_id_status', 'post_api_v1_jobs_id_analyze', 'delete_api_v1_jobs_id']));
    const experience = operationOf('post', '/api/v1/profiles/{id}/experiences').responses['201'].links;
    expect(experience.delete_api_v1_profiles_id_experiences_entry_id.parameters).toEqual({ id: '$request.path.id', entry_id: '$response.body#/id' });
    // a profile's response does not carry an entry id, so no link from it to an entry route
    expect(Object.keys(operationOf('post', '/api/v1/profiles').responses['201'].links).some((name) => name.includes('entry_id'))).toBe(false);
  });

  it('documents If-Match, with its syntax, on every route that answers 412', () => {
    for (const spec of routes.filter((r) => r.responses[412])) {
      const header = operationOf(spec.method, openApiPath(spec.path)).parameters.find((p: Json) => p.in === 'header');
      expect(header).toMatchObject({ name: 'If-Match', required: false });
      const accepts = (value: string) =>
        header.schema.anyOf.some((s: Json) => s.type === 'string' && (s.const === value || (s.pattern && new RegExp(s.pattern).test(value))));
      for (const ok of ['*', '"3"', 'W/"12"']) expect({ ok, accepted: accepts(ok) }).toEqual({ ok, accepted: true });
      for (const bad of ['garbage', '3', '"abc"', '"1", "2"', '**']) expect({ bad, accepted: accepts(bad) }).toEqual({ bad, accepted: false });
    }
  });
});

describe('constraints the server enforces are stated', () => {
  const body = (method: string, path: string) => operationOf(method, path).requestBody.content['application/json'].schema;
  const experience = () => body('post', '/api/v1/profiles/{id}/experiences');
  const nonNull = (schema: Json) => (schema.anyOf ? schema.anyOf.find((s: Json) => s.type !== 'null') : schema);

  it('ids are uuids', () => {
    const id = operationOf('get', '/api/v1/profiles/{id}').parameters[0].schema;
    expect(id).toMatchObject({ type: 'string', format: 'uuid', pattern: expect.any(String) });
    expect(new RegExp(id.pattern).test('not-a-uuid')).toBe(false);
  });

  it('e-mails are emails, bounded', () => {
    expect(body('post', '/api/v1/auth/register').properties.email).toMatchObject({ type: 'string', format: 'email', maxLength: 254 });
  });

  it('partial dates are real calendar dates, YYYY-MM or YYYY-MM-DD', () => {
    const date = new RegExp(experience().properties.start_date.pattern);
    for (const ok of ['2024-03', '2024-02-29', '2000-02-29', '2023-12-31']) expect({ ok, matches: date.test(ok) }).toEqual({ ok, matches: true });
    for (const bad of ['2024-13', '2023-02-29', '1900-02-29', '2024-04-31', '2024-3', '24-03-01']) expect({ bad, matches: date.test(bad) }).toEqual({ bad, matches: false });
  });

  it('full dates of jobs are dates', () => {
    expect(nonNull(body('post', '/api/v1/jobs').properties.posted_date)).toMatchObject({ type: 'string', format: 'date', pattern: expect.any(String) });
  });

  it('required text must not be blank; its length limit is stated', () => {
    const title = experience().properties.title;
    expect(title).toMatchObject({ type: 'string', maxLength: 200, pattern: expect.any(String) });
    const pattern = new RegExp(title.pattern);
    expect(pattern.test('Engineer')).toBe(true);
    expect(pattern.test(' \t\u00a0')).toBe(false);
  });

  it('URLs are http(s) with a domain name', () => {
    const url = nonNull(body('post', '/api/v1/profiles/{id}/projects').properties.url);
    const pattern = new RegExp(url.pattern);
    // the pattern is the whole rule; `format: uri` (RFC 3986) would reject IRIs the server accepts
    expect(url).toMatchObject({ type: 'string', maxLength: 2048 });
    expect(pattern.test('https://github.com/example/limiter')).toBe(true);
    for (const bad of ['ftp://example.com', 'https://localhost/x', 'https://1.2.3.4/', 'javascript:alert(1)']) expect({ bad, matches: pattern.test(bad) }).toEqual({ bad, matches: false });
  });

  it('enums are enums', () => {
    const status = body('put', '/api/v1/jobs/{id}/status').properties.status;
    expect(status.enum).toEqual(['draft', 'active', 'archived', 'expired']);
  });

  it('a current experience has no end date (if/then)', () => {
    expect(experience()).toMatchObject({
      if: { properties: { is_current: { const: true } }, required: ['is_current'] },
      then: { properties: { end_date: { type: 'null' } } },
    });
  });

  it('a profile update names at least one part', () => {
    expect(body('put', '/api/v1/profiles/{id}')).toMatchObject({ minProperties: 1, additionalProperties: false });
  });

  it('the skills filter states its list rule', () => {
    const skills = operationOf('get', '/api/v1/jobs').parameters.find((p: Json) => p.name === 'skills').schema;
    const pattern = new RegExp(skills.pattern);
    expect(pattern.test('react, postgres')).toBe(true);
    expect(pattern.test(' , ')).toBe(false);
    expect(pattern.test('x'.repeat(101))).toBe(false);
    expect(pattern.test(Array(21).fill('go').join(','))).toBe(false);
  });

  it('paging limits are stated', () => {
    const limit = operationOf('get', '/api/v1/jobs').parameters.find((p: Json) => p.name === 'limit').schema;
    expect(limit).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
  });
});
