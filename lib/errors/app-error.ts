/**
 * Errors the API answers with: an HTTP status, a stable code for programs and a message for people (Chinese
 * first, English after a " / ").
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const validationError = (message: string, details?: unknown): AppError =>
  new AppError(400, 'VALIDATION_FAILED', message, details);

export const notFound = (what: string, id: string | number): AppError =>
  new AppError(404, 'NOT_FOUND', `${what}不存在 / ${what} not found: ${id}`);

/** The input is well formed but the business rules refuse it (e.g. a transfer with unpaid bills). */
export const businessRuleViolated = (code: string, message: string, details?: unknown): AppError =>
  new AppError(422, code, message, details);

export const conflict = (message: string): AppError => new AppError(409, 'CONFLICT', message);
