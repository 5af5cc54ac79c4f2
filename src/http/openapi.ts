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
    paths[path][spec.method] = operation(spec);
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

function operation(spec: RouteSpec): Record<string, unknown> {
  const op: Record<string, unknown> = {
    tags: [spec.tag],
    summary: spec.summary,
    operationId: `${spec.method}_${spec.path.replace(/[/:{}-]+/g, '_').replace(/^_|_$/g, '')}`,
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query'), ...headerParameters(spec)],
    responses: Object.fromEntries(
      Object.entries(spec.responses).map(([status, response]) => [
        status,
        {
          description: response.description,
          ...(response.schema ? { content: { [response.content_type ?? 'application/json']: { schema: jsonSchema(response.schema, 'output') } } } : {}),
        },
      ]),
    ),
  };
  if (spec.auth !== false) op.security = [{ bearer: [] }];
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
  if (!spec.responses[412]) return [];
  return [
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
