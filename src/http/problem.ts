import { ErrorCode, FieldProblem } from '../shared/errors';

/** RFC 9457 problem details. The one place where error codes become HTTP statuses. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  errors?: FieldProblem[];
  correlation_id?: string;
}

const STATUS: Record<ErrorCode, number> = {
  'VALIDATION.FAILED': 400,
  'AUTH.UNAUTHENTICATED': 401,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.INVALID_REFRESH_TOKEN': 401,
  'AUTH.FORBIDDEN': 403,
  'USER.EMAIL_TAKEN': 409,
  'USER.NOT_FOUND': 404,
  'PROFILE.NOT_FOUND': 404,
  'PROFILE.ALREADY_EXISTS': 409,
  'PROFILE.ENTRY_NOT_FOUND': 404,
  'PROFILE.LIMIT_REACHED': 409,
  'PROFILE.DELETED': 404,
  'JOB.NOT_FOUND': 404,
  'JOB.READ_ONLY': 403,
  'JOB.INVALID_TRANSITION': 409,
  'JOB.ALREADY_EXISTS': 409,
  'GENERATION.NOT_FOUND': 404,
  'GENERATION.ALREADY_EXISTS': 409,
  /** The result is asked for before the generation completed. */
  'GENERATION.NOT_READY': 409,
  /** A finished generation cannot be cancelled, or a running one given feedback. */
  'GENERATION.FINISHED': 409,
  'GENERATION.PROFILE_INCOMPLETE': 422,
  'SAVED_SEARCH.QUERY_UNSEARCHABLE': 422,
  'GENERATION.BUDGET_EXCEEDED': 429,
  'DOCUMENT.NOT_FOUND': 404,
  'DOCUMENT.VERSION_NOT_FOUND': 404,
  'DOCUMENT.SHARE_NOT_FOUND': 404,
  'APPLICATION.NOT_FOUND': 404,
  /** A status change the transition table does not allow (see the application decider). */
  'APPLICATION.INVALID_TRANSITION': 409,
  /** An entity with no history at all. */
  'ADMIN.NOT_FOUND': 404,
  'NOTIFICATION.NOT_FOUND': 404,
  'SAVED_SEARCH.NOT_FOUND': 404,
  'SAVED_SEARCH.LIMIT_REACHED': 409,
  'JOB_ALERT.NOT_FOUND': 404,
  'JOB_ALERT.LIMIT_REACHED': 409,
  'JOB_ALERT.ALREADY_EXISTS': 409,
  /** A share link whose token matches no link. */
  'SHARE.NOT_FOUND': 404,
  /** A share link that expired or was revoked, or whose document is gone. */
  'SHARE.GONE': 410,
  /** The link has a password and the request sent none or a wrong one (header X-Share-Password). */
  'SHARE.PASSWORD_REQUIRED': 401,
  /** The link does not grant this (e.g. download on a view-only link). */
  'SHARE.FORBIDDEN': 403,
  'CONCURRENCY.VERSION_MISMATCH': 412,
  'CONCURRENCY.CONFLICT': 409,
};

/** Codes raised by the HTTP edge itself rather than the domain. */
export type EdgeCode =
  | 'HTTP.NOT_FOUND'
  | 'HTTP.METHOD_NOT_ALLOWED'
  | 'HTTP.MALFORMED_JSON'
  | 'HTTP.PAYLOAD_TOO_LARGE'
  | 'HTTP.UNSUPPORTED_MEDIA_TYPE'
  | 'HTTP.TOO_MANY_REQUESTS'
  | 'HTTP.INTERNAL'
  | 'HTTP.SERVICE_UNAVAILABLE';
const EDGE_STATUS: Record<EdgeCode, number> = {
  'HTTP.NOT_FOUND': 404,
  'HTTP.METHOD_NOT_ALLOWED': 405,
  'HTTP.MALFORMED_JSON': 400,
  'HTTP.PAYLOAD_TOO_LARGE': 413,
  'HTTP.UNSUPPORTED_MEDIA_TYPE': 415,
  'HTTP.TOO_MANY_REQUESTS': 429,
  'HTTP.INTERNAL': 500,
  'HTTP.SERVICE_UNAVAILABLE': 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function statusOf(code: ErrorCode | EdgeCode): number {
  return (STATUS as Record<string, number>)[code] ?? (EDGE_STATUS as Record<string, number>)[code] ?? 500;
}

export function problem(code: ErrorCode | EdgeCode, detail: string, extra: Partial<Problem> = {}): Problem {
  const status = statusOf(code);
  return {
    type: `urn:jobwise:problem:${code.toLowerCase()}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}
