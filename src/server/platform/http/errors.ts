import type { ErrorCode } from './messages';

const defaultStatus: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  CONFLICT: 409,
};

/** A failure the client can act on: a stable code, an HTTP status, params for the message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly details?: { field: string; code: string }[],
    /** A more specific wording for the same code (the code stays the contract). */
    readonly messageCode?: ErrorCode,
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'NOT_FOUND');
export const forbidden = () => new AppError(403, 'FORBIDDEN');
export const conflict = (code: ErrorCode, params?: Record<string, unknown>, messageCode?: ErrorCode) =>
  new AppError(409, code, params, undefined, messageCode);
export const badRequest = (code: ErrorCode, params?: Record<string, unknown>) =>
  new AppError(defaultStatus[code] ?? 400, code, params);
/** A field-level failure found by a service (not by the schema), shown beside the field in forms. */
export const fieldError = (field: string, code: ErrorCode, params?: Record<string, unknown>) =>
  new AppError(400, code, { field, ...params }, [{ field, code }]);
