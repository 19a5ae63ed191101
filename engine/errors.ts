/**
 * Errors the engine reports to its callers. The codes are gRPC status names because Zeebe's contract is defined
 * in them; the REST adapter maps each to an HTTP status. Bad requests never use UNAVAILABLE, DEADLINE_EXCEEDED or
 * RESOURCE_EXHAUSTED for a bad request: clients retry those forever.
 */
export type EngineErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'FAILED_PRECONDITION'
  | 'ALREADY_EXISTS'
  | 'UNIMPLEMENTED'
  | 'RESOURCE_EXHAUSTED'
  | 'DEADLINE_EXCEEDED'
  | 'INTERNAL';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export const invalidArgument = (message: string): EngineError => new EngineError('INVALID_ARGUMENT', message);
export const notFound = (message: string): EngineError => new EngineError('NOT_FOUND', message);
export const failedPrecondition = (message: string): EngineError => new EngineError('FAILED_PRECONDITION', message);
