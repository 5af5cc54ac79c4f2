import { z } from 'zod';
import { RouteSpec } from './route';

/** OpenAPI 3.1 generated from the route declarations; JSON Schema 2020-12 comes from zod. */
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
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}

function operation(spec: RouteSpec): Record<string, unknown> {
  const op: Record<string, unknown> = {
    tags: [spec.tag],
    summary: spec.summary,
    operationId: `${spec.method}_${spec.path.replace(/[/:{}-]+/g, '_').replace(/^_|_$/g, '')}`,
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
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
  if (spec.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } };
  return op;
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
  const { $schema, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
