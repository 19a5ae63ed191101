import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { MulterError } from 'multer';
import { EngineError, type EngineErrorCode } from '../../errors';

/** RFC 9457 problem details, the error body of every failed Camunda 8 REST call. */
export interface ProblemDetail {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
}

/**
 * HTTP status per engine error code, as the Orchestration Cluster API answers them. RESOURCE_EXHAUSTED is 503 with
 * the title RESOURCE_EXHAUSTED (8.8.3+): @camunda8/sdk retries exactly that as backpressure.
 */
const STATUS_BY_CODE: Record<EngineErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  FAILED_PRECONDITION: 409,
  ALREADY_EXISTS: 409,
  UNIMPLEMENTED: 501,
  RESOURCE_EXHAUSTED: 503,
  DEADLINE_EXCEEDED: 504,
  INTERNAL: 500,
};

const INTERNAL_DETAIL = 'An internal error occurred while processing the request.';

export function problem(status: number, title: string, detail: string, instance: string): ProblemDetail {
  return { type: 'about:blank', title, status, detail, instance };
}

/** Maps anything a handler threw to a problem; unexpected errors never leak their message. */
export function toProblemDetail(err: unknown, instance: string): ProblemDetail {
  if (err instanceof EngineError) {
    return problem(STATUS_BY_CODE[err.code] ?? 500, err.code, err.message, instance);
  }
  if (err instanceof MulterError) {
    const status = err.code === 'LIMIT_FILE_SIZE' ? 413 : 400;
    return problem(
      status,
      'INVALID_ARGUMENT',
      `Invalid multipart request: ${err.message} (field '${err.field ?? ''}')`,
      instance,
    );
  }
  const bodyError = asBodyParserError(err);
  if (bodyError) {
    const detail =
      bodyError.type === 'entity.parse.failed'
        ? `Request body is not valid JSON: ${bodyError.message}`
        : bodyError.message;
    const title = bodyError.status === 400 ? 'INVALID_ARGUMENT' : (STATUS_CODES[bodyError.status] ?? 'Bad Request');
    return problem(bodyError.status, title, detail, instance);
  }
  return problem(500, 'INTERNAL', INTERNAL_DETAIL, instance);
}

export function sendProblem(res: Response, body: ProblemDetail): void {
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}

export function requestPath(req: Request): string {
  return req.originalUrl.split('?')[0];
}

export const problemErrorHandler: ErrorRequestHandler = (err: unknown, req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  const body = toProblemDetail(err, requestPath(req));
  if (body.status === 500 && !(err instanceof EngineError)) {
    console.error(`REST ${req.method} ${requestPath(req)} failed:`, err);
  }
  sendProblem(res, body);
};

export const unknownRouteHandler: RequestHandler = (req, res) => {
  const instance = requestPath(req);
  sendProblem(res, problem(404, 'NOT_FOUND', `No endpoint ${req.method} ${instance}`, instance));
};

/**
 * body-parser reports its failures as http-errors with an exposable 4xx status and a `type`; express's router a
 * path parameter that does not decode (e.g. `%ED%A0%80`) as a URIError with status 400 and no `expose` (a 500
 * here before).
 */
function asBodyParserError(err: unknown): { status: number; type: string; message: string } | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { status, type, message, expose } = err as Record<string, unknown>;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  if (expose !== true && !(err instanceof URIError)) return undefined;
  return { status, type: String(type ?? ''), message: String(message ?? '') };
}
