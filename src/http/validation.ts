import { z } from 'zod';
import { DomainError, FieldProblem } from '../shared/errors';
import { safePathSegment, scrubMessage, submittedStrings } from './no-echo';

/**
 * Turns zod issues into field problems: `body.personal_info.email`, `query.limit`, … Never with
 * a submitted value in them (src/http/no-echo.ts): `submitted` is the value that was parsed.
 */
export function fieldProblems(location: 'body' | 'query' | 'params', error: z.ZodError, submitted: unknown = undefined): FieldProblem[] {
  const strings = submittedStrings(submitted);
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: join(location, [...issue.path, key]), message: 'is not a known field' }));
    }
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    return [{ path: join(location, issue.path), message: missing ? 'is required' : scrubMessage(issue.message, strings) }];
  });
}

function join(location: string, path: PropertyKey[]): string {
  return [location, ...path.map(safePathSegment)].join('.');
}

/** Parses every part of a request and reports all failing fields at once. */
export function parseRequest(parts: { location: 'body' | 'query' | 'params'; schema?: z.ZodType; value: unknown }[]) {
  const problems: FieldProblem[] = [];
  const parsed: Record<string, unknown> = {};
  for (const { location, schema, value } of parts) {
    if (!schema) {
      parsed[location] = value;
      continue;
    }
    const result = schema.safeParse(value);
    if (result.success) parsed[location] = result.data;
    else problems.push(...fieldProblems(location, result.error, value));
  }
  if (problems.length > 0) {
    throw new DomainError('VALIDATION.FAILED', `The request has ${problems.length} invalid field(s)`, problems);
  }
  return parsed as { body: unknown; query: unknown; params: unknown };
}
