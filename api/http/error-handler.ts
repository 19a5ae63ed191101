/**
 * Every error leaves the API as JSON `{ code, message, details? }`; the engine refusing for load, or the engine or
 * the database out of reach, is a 503 with Retry-After; unexpected ones are logged and answered 500 without internals. The request errors express and
 * body-parser raise themselves (an unsupported charset, an aborted body, a parameter that does not decode) carry
 * their own 4xx status and are answered with it.
 */
import type { ErrorRequestHandler } from 'express';
import { AppError } from '../../lib/errors/app-error';
import { logger } from '../../lib/logger/logger';
import { engineBusyAnswer, isEngineBusy } from './overload';
import { isUnreachable, unreachableAnswer } from './unreachable';

const log = logger('api');

export const errorHandler: ErrorRequestHandler = (error, request, response, _next) => {
  if (error instanceof AppError) {
    response.status(error.status).json({ code: error.code, message: error.message, details: error.details });
    return;
  }
  if (error instanceof SyntaxError && 'body' in error) {
    response
      .status(400)
      .json({ code: 'MALFORMED_JSON', message: '请求体不是合法的 JSON / request body is not valid JSON' });
    return;
  }
  if (isEngineBusy(error)) {
    response
      .set('Retry-After', String(engineBusyAnswer.retryAfter))
      .status(engineBusyAnswer.status)
      .json(engineBusyAnswer.body);
    return;
  }
  if (isUnreachable(error)) {
    log.warn('engine or database unreachable', { method: request.method, path: request.path, error: String(error) });
    response
      .set('Retry-After', String(unreachableAnswer.retryAfter))
      .status(unreachableAnswer.status)
      .json(unreachableAnswer.body);
    return;
  }
  const status = (error as { status?: unknown } | undefined)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    response.status(status).json({ code: 'BAD_REQUEST', message: `请求无效 / bad request: ${String(error.message)}` });
    return;
  }
  log.error('unexpected error', { method: request.method, path: request.path, error: String(error?.stack ?? error) });
  response.status(500).json({ code: 'INTERNAL', message: '服务器内部错误 / internal server error' });
};
