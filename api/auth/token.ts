/**
 * Login tokens: `<base64url payload>.<HMAC-SHA256>`, the payload holding the login, roles, expiry and the user's
 * token version when it was issued. The signature and expiry are checked here; whether the version is still the
 * user's (not revoked) is checked against the database by requireAuth (decision 0026).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  login: string;
  name: string;
  roles: string[];
  groups: string[];
  tokenVersion: number;
  expiresAt: number;
}

const sign = (payload: string, secret: string): string =>
  createHmac('sha256', secret).update(payload).digest('base64url');

export function issueToken(claims: TokenClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

export function verifyToken(token: string, secret: string, now = Date.now()): TokenClaims | undefined {
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return undefined;
  const expected = Buffer.from(sign(payload, secret));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as TokenClaims;
  return claims.expiresAt > now ? claims : undefined;
}
