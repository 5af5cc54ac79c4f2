/**
 * Domain errors carry a stable code; the HTTP edge maps codes to statuses in one place
 * (src/http/problem.ts). Nothing here knows about HTTP.
 */
export type ErrorCode =
  | 'VALIDATION.FAILED'
  | 'AUTH.UNAUTHENTICATED'
  | 'AUTH.INVALID_CREDENTIALS'
  | 'AUTH.INVALID_REFRESH_TOKEN'
  | 'AUTH.FORBIDDEN'
  | 'USER.EMAIL_TAKEN'
  | 'USER.NOT_FOUND'
  | 'PROFILE.NOT_FOUND'
  | 'PROFILE.ALREADY_EXISTS'
  | 'PROFILE.ENTRY_NOT_FOUND'
  | 'PROFILE.LIMIT_REACHED'
  | 'PROFILE.DELETED'
  | 'JOB.NOT_FOUND'
  | 'JOB.READ_ONLY'
  | 'JOB.INVALID_TRANSITION'
  | 'JOB.ALREADY_EXISTS'
  | 'GENERATION.NOT_FOUND'
  | 'GENERATION.ALREADY_EXISTS'
  | 'GENERATION.NOT_READY'
  | 'GENERATION.FINISHED'
  | 'GENERATION.PROFILE_INCOMPLETE'
  | 'SAVED_SEARCH.QUERY_UNSEARCHABLE'
  | 'GENERATION.BUDGET_EXCEEDED'
  | 'DOCUMENT.NOT_FOUND'
  | 'DOCUMENT.VERSION_NOT_FOUND'
  | 'DOCUMENT.SHARE_NOT_FOUND'
  | 'APPLICATION.NOT_FOUND'
  | 'APPLICATION.INVALID_TRANSITION'
  | 'ADMIN.NOT_FOUND'
  | 'NOTIFICATION.NOT_FOUND'
  | 'SAVED_SEARCH.NOT_FOUND'
  | 'SAVED_SEARCH.LIMIT_REACHED'
  | 'JOB_ALERT.NOT_FOUND'
  | 'JOB_ALERT.LIMIT_REACHED'
  | 'JOB_ALERT.ALREADY_EXISTS'
  | 'SHARE.NOT_FOUND'
  | 'SHARE.GONE'
  | 'SHARE.PASSWORD_REQUIRED'
  | 'SHARE.FORBIDDEN'
  | 'CONCURRENCY.VERSION_MISMATCH'
  | 'CONCURRENCY.CONFLICT';

export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * A backing service (the event store, …) cannot be reached right now. Nothing was decided
 * wrongly and the request may be repeated later: the HTTP edge answers 503 with Retry-After.
 */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly service: string,
    message: string,
    override readonly cause?: unknown,
    /** When the service is known to be worth trying again (an open breaker's trial), else a short default applies. */
    readonly retry_after_seconds?: number,
  ) {
    super(message);
    this.name = 'ServiceUnavailableError';
  }
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
