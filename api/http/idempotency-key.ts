/** The `Idempotency-Key` request header (the IETF draft's name) of a POST that creates something, when sent. */
import type { Request } from 'express';

export const idempotencyKey = (request: Request): string | undefined => request.get('Idempotency-Key');
