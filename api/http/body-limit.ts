/**
 * JSON bodies up to APP_MAX_BODY_KB; a larger one is answered 413 as JSON before any login check reads the request
 * (body-parser stops reading at the limit, so an oversized body costs no more than the limit). A body nested deeper
 * than MAX_BODY_DEPTH is a 400: what reads a body later (the control-character gate, validation, the SDK) walks
 * it recursively, and 200 KB of `[` is enough to overflow the stack there (a 500).
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { AppError, validationError } from '../../lib/errors/app-error';

/** Far deeper than any form's variables go; shallow enough for every recursive reader. */
export const MAX_BODY_DEPTH = 64;

export function jsonBody(maxKb: number): RequestHandler {
  const parse = express.json({ limit: maxKb * 1024 });
  return (request, response, next) =>
    parse(request, response, (error?: unknown) => {
      if (error) return next(error);
      if (nestingDepth(request.body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH)
        return next(
          validationError(
            `请求体嵌套超过 ${MAX_BODY_DEPTH} 层 / request body nested deeper than ${MAX_BODY_DEPTH} levels`,
            [{ field: '(body)', in: 'body', message: `嵌套过深 / nested deeper than ${MAX_BODY_DEPTH}` }],
          ),
        );
      next();
    });
}

/** How deep `value` nests arrays and objects, counted without recursion and only until past `limit`. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const inner of Object.values(current)) stack.push([inner, depth + 1]);
  }
  return deepest;
}

/** body-parser's own error for a body over the limit, as the API's error answer. */
export function bodyTooLarge(maxKb: number): ErrorRequestHandler {
  return (error: { type?: string }, _request, _response, next) => {
    if (error?.type !== 'entity.too.large') return next(error);
    next(
      new AppError(
        413,
        'BODY_TOO_LARGE',
        `请求体超过 ${maxKb} KB，请缩小后重试（附件请分开提交）/ request body over ${maxKb} KB: send less (attachments separately)`,
      ),
    );
  };
}
