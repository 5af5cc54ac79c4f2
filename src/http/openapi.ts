import { z } from 'zod';
import { RouteSpec } from './route';

/**
 * OpenAPI 3.1 generated from the route declarations. Schemas are JSON Schema 2020-12 from zod
 * (`z.toJSONSchema`, its default target), which is the OpenAPI 3.1 default dialect — so the
 * document sets no `jsonSchemaDialect` (swagger-ui warns about any value other than the default).
 */
export function openApiDocument(routes: RouteSpec[], info: { title: string; version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][spec.method] = operation(spec, links(spec, routes));
  }
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'JobWise tailors resumes and cover letters to jobs. Errors are RFC 9457 problem details.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}

/**
 * What `If-Match` accepts (src/http/etag.ts): `*` or one version ETag. Written as `anyOf` rather
 * than one pattern because schemathesis 4.32 draws no valid value from a header pattern holding
 * `*` or `"` in its coverage phase, and then sends an invalid one as a "positive" case.
 */
export const IF_MATCH_SCHEMA = {
  anyOf: [
    { type: 'string', const: '*' },
    { type: 'string', pattern: '^(?:W/)?"[0-9]{1,15}"$' },
  ],
};

const operationId = (spec: RouteSpec) => `${spec.method}_${spec.path.replace(/[/:{}-]+/g, '_').replace(/^_|_$/g, '')}`;
const pathParams = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);

/**
 * OpenAPI links from a creating POST to the routes under what it created: `POST /jobs` answers
 * 201 with the job, whose `id` is the `{id}` of `GET /jobs/{id}`, `PUT /jobs/{id}/status`, ….
 * Clients (and schemathesis' stateful phase) can follow them.
 */
function links(spec: RouteSpec, routes: RouteSpec[]): Record<string, unknown> | undefined {
  const created = spec.method === 'post' ? spec.responses[201]?.schema : undefined;
  const properties = created ? (jsonSchema(created, 'output').properties as Record<string, unknown> | undefined) : undefined;
  if (!properties?.id) return undefined;
  const known = pathParams(spec.path);
  const found: Record<string, unknown> = {};
  for (const target of routes) {
    const param = target.path.startsWith(`${spec.path}/:`) ? /^\/:(\w+)/.exec(target.path.slice(spec.path.length))?.[1] : undefined;
    if (!param) continue;
    const params = pathParams(target.path);
    if (!params.every((name) => name === param || known.includes(name))) continue;
    found[operationId(target)] = {
      operationId: operationId(target),
      parameters: Object.fromEntries(params.map((name) => [name, name === param ? '$response.body#/id' : `$request.path.${name}`])),
    };
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

const contentOf = (schema: z.ZodType, types: string[]) => Object.fromEntries(types.map((type) => [type, { schema: jsonSchema(schema, 'output') }]));

function operation(spec: RouteSpec, created?: Record<string, unknown>): Record<string, unknown> {
  const op: Record<string, unknown> = {
    tags: [spec.tag],
    summary: spec.summary,
    operationId: operationId(spec),
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query'), ...headerParameters(spec)],
    responses: Object.fromEntries(
      Object.entries(spec.responses).map(([status, response]) => [
        status,
        {
          description: response.description,
          ...(response.schema ? { content: contentOf(response.schema, response.content_types ?? [response.content_type ?? 'application/json']) } : {}),
          ...(status === '201' && created ? { links: created } : {}),
        },
      ]),
    ),
  };
  if (spec.auth !== false) op.security = [{ bearer: [] }];
  if (spec.role) op['x-required-role'] = spec.role;
  if (spec.body) {
    op.requestBody = {
      // A request without a body is parsed as `{}` (src/http/app.ts): the body is optional
      // exactly when `{}` is acceptable.
      required: !spec.body.safeParse({}).success,
      content: { 'application/json': { schema: requestBodySchema(spec.body) } },
    };
  }
  return op;
}

/** Routes that document 412 honour `If-Match`. */
function headerParameters(spec: RouteSpec) {
  const declared = (spec.headers ?? []).map(({ name, description }) => ({ name, in: 'header', required: false, description, schema: { type: 'string' } }));
  if (!spec.responses[412]) return declared;
  return [
    ...declared,
    {
      name: 'If-Match',
      in: 'header',
      required: false,
      description: 'The version you last read, as its ETag (`"3"`), or `*`. A stale version is 412; a malformed header is 400.',
      schema: IF_MATCH_SCHEMA,
    },
  ];
}

/** The JSON parser (strict) accepts only an object or an array as a body; say so where the route accepts any JSON. */
function requestBodySchema(schema: z.ZodType): Record<string, unknown> {
  const json = jsonSchema(schema, 'input');
  return 'type' in json ? json : { ...json, type: ['object', 'array'] };
}

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
