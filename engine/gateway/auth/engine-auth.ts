/**
 * Who may use the engine's gRPC and REST ports: OAuth 2 client credentials (the registered client exchanges its
 * secret for a bearer token at POST /oauth/token, then sends the token on every call), or nobody is asked
 * (ENGINE_AUTH=none, an explicit choice warned about at start). Decision 0022.
 */
import { timingSafeEqual } from 'node:crypto';
import { signToken, TOKEN_ISSUER, verifyToken } from './access-token';

export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  signingKey: string;
  tokenTtlSeconds: number;
  /** The audience written into a token when the request names none. */
  defaultAudience: string;
}

export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/** Why a call is refused; undefined when it may go on. */
export type Refusal = string | undefined;

export interface EngineAuth {
  readonly enabled: boolean;
  /** A token for the client, or undefined when the id or secret is wrong. */
  issue(clientId: string, clientSecret: string, audience: string | undefined): IssuedToken | undefined;
  /** Checks an `authorization` header value (`Bearer <token>`). */
  check(authorization: string | undefined): Refusal;
}

export const OPEN_ACCESS: EngineAuth = {
  enabled: false,
  issue: () => undefined,
  check: () => undefined,
};

export function oauthAccess(settings: OAuthSettings, nowMs: () => number = Date.now): EngineAuth {
  const nowSeconds = (): number => Math.floor(nowMs() / 1000);
  return {
    enabled: true,
    issue(clientId, clientSecret, audience) {
      if (!sameText(clientId, settings.clientId) || !sameText(clientSecret, settings.clientSecret)) return undefined;
      const iat = nowSeconds();
      const claims = {
        sub: clientId,
        aud: audience || settings.defaultAudience,
        iss: TOKEN_ISSUER,
        iat,
        exp: iat + settings.tokenTtlSeconds,
      };
      return {
        access_token: signToken(claims, settings.signingKey),
        token_type: 'Bearer',
        expires_in: settings.tokenTtlSeconds,
      };
    },
    check(authorization) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
      if (!match) return 'no bearer token: get one at POST /oauth/token with the client credentials';
      const result = verifyToken(match[1], settings.signingKey, nowSeconds());
      if (!result.valid) return `${result.reason}: get a new one at POST /oauth/token`;
      // The signing key is the engine's, so only a token issued here gets this far; the client may since have changed.
      return result.claims.sub === settings.clientId ? undefined : 'the token was issued to an unknown client';
    },
  };
}

/** Compares secrets in time independent of where they differ. */
function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
