/**
 * Access tokens: JWTs signed with HMAC-SHA256 by the engine's own key. The engine is both the authorization
 * server and the only resource server, so a shared secret is enough; clients treat the token as opaque (the
 * Camunda SDK only reads `exp` to know when to fetch a new one).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  /** The client the token was issued to. */
  sub: string;
  /** The audience the client asked for (the Camunda clients send e.g. zeebe.camunda.io). */
  aud: string;
  iss: string;
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
}

export type TokenCheck = { valid: true; claims: TokenClaims } | { valid: false; reason: string };

export const TOKEN_ISSUER = 'engine';

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function signToken(claims: TokenClaims, key: string): string {
  const unsigned = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return `${unsigned}.${signature(unsigned, key)}`;
}

/** Checks the signature, then the issuer and the expiry against `nowSeconds`. */
export function verifyToken(token: string, key: string, nowSeconds: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return { valid: false, reason: 'the token is not one of this engine' };
  const expected = Buffer.from(signature(`${parts[0]}.${parts[1]}`, key));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { valid: false, reason: 'the token signature is wrong' };
  const claims = parseClaims(parts[1]);
  if (!claims || claims.iss !== TOKEN_ISSUER) return { valid: false, reason: 'the token claims are malformed' };
  if (claims.exp <= nowSeconds) return { valid: false, reason: 'the token has expired' };
  return { valid: true, claims };
}

function parseClaims(encoded: string): TokenClaims | undefined {
  try {
    const claims = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<TokenClaims>;
    const ok =
      typeof claims.sub === 'string' &&
      typeof claims.aud === 'string' &&
      typeof claims.iss === 'string' &&
      typeof claims.iat === 'number' &&
      typeof claims.exp === 'number';
    return ok ? (claims as TokenClaims) : undefined;
  } catch {
    return undefined;
  }
}

function signature(unsigned: string, key: string): string {
  return createHmac('sha256', key).update(unsigned).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
