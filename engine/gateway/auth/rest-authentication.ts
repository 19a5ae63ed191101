import type { RequestHandler } from 'express';
import { problem } from '../rest/error-mapper';
import type { EngineAuth } from './engine-auth';

/** Every REST v2 request carries a valid bearer token, or is answered 401 with a problem detail. */
export function requireBearerToken(auth: EngineAuth): RequestHandler {
  return (req, res, next) => {
    const refusal = auth.check(req.get('authorization'));
    if (refusal === undefined) return next();
    res
      .status(401)
      .set('WWW-Authenticate', 'Bearer realm="engine"')
      .type('application/problem+json')
      .send(JSON.stringify(problem(401, 'UNAUTHORIZED', refusal, req.originalUrl)));
  };
}
