/**
 * POST /oauth/token: the OAuth 2 client-credentials grant (RFC 6749 §4.4) as @camunda8/sdk and zbctl ask for it —
 * a form-encoded body with grant_type, client_id, client_secret and audience, or the client in an HTTP Basic
 * header. Errors are RFC 6749 §5.2 bodies; a wrong client is 401 invalid_client.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { EngineAuth } from './engine-auth';

export const TOKEN_PATH = '/oauth/token';

interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export function tokenEndpoint(auth: EngineAuth): Router {
  const router = express.Router();
  router.post(TOKEN_PATH, express.urlencoded({ extended: false, limit: '16kb' }), (req, res) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    if (text(form.grant_type) !== 'client_credentials')
      return oauthError(res, 400, 'unsupported_grant_type', 'grant_type must be client_credentials');
    const client = basicClient(req) ?? formClient(form);
    if (!client) return oauthError(res, 400, 'invalid_request', 'client_id and client_secret are required');
    const token = auth.issue(client.clientId, client.clientSecret, text(form.audience));
    if (!token) {
      res.set('WWW-Authenticate', 'Basic realm="engine"');
      return oauthError(res, 401, 'invalid_client', 'unknown client or wrong client secret');
    }
    res.set('Cache-Control', 'no-store').json(token);
  });
  return router;
}

function formClient(form: Record<string, unknown>): ClientCredentials | undefined {
  const clientId = text(form.client_id);
  const clientSecret = text(form.client_secret);
  return clientId && clientSecret ? { clientId, clientSecret } : undefined;
}

/** client_secret_basic: the id and secret, each form-encoded, in `Authorization: Basic`. */
function basicClient(req: Request): ClientCredentials | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const clientId = decodeURIComponent(decoded.slice(0, colon));
  const clientSecret = decodeURIComponent(decoded.slice(colon + 1));
  return clientId && clientSecret ? { clientId, clientSecret } : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function oauthError(res: Response, status: number, error: string, description: string): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error, error_description: description });
}
