/**
 * JSON bodies up to APP_MAX_BODY_KB; a larger one is answered 413 as JSON before any login check reads the request
 * (body-parser stops reading at the limit, so an oversized body costs no more than the limit).
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { AppError } from '../../lib/errors/app-error';

export function jsonBody(maxKb: number): RequestHandler {
  return express.json({ limit: maxKb * 1024 });
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
