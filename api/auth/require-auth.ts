/**
 * Every /api route but login needs a valid `Authorization: Bearer <token>` of a session not revoked: each request
 * reads its user, whose name, roles and groups then come from the database rather than the token (so a role
 * change holds at once). `requireRole` narrows a route to some roles (administrators pass every check).
 */
import type { Request, RequestHandler } from 'express';
import { currentSession } from '../../domain/users';
import { AppError } from '../../lib/errors/app-error';
import { verifyToken, type TokenClaims } from './token';

const unauthorized = () => new AppError(401, 'UNAUTHORIZED', '请先登录 / login required');

export function requireAuth(secret: string): RequestHandler {
  return async (request, _response, next) => {
    const header = request.headers.authorization ?? '';
    const claims = header.startsWith('Bearer ') ? verifyToken(header.slice(7), secret) : undefined;
    const session = claims && (await currentSession(claims.login, claims.tokenVersion));
    if (!claims || !session) throw unauthorized();
    (request as AuthenticatedRequest).user = { ...claims, ...session };
    next();
  };
}

export function requireRole(...roles: string[]): RequestHandler {
  return (request, _response, next) => {
    const user = currentUser(request);
    if (!user.roles.includes('admin') && !roles.some((role) => user.roles.includes(role)))
      throw new AppError(403, 'FORBIDDEN', `需要以下角色之一 / requires one of the roles: ${roles.join(', ')}`);
    next();
  };
}

export interface AuthenticatedRequest extends Request {
  user: TokenClaims;
}

export function currentUser(request: Request): TokenClaims {
  const user = (request as Partial<AuthenticatedRequest>).user;
  if (!user) throw unauthorized();
  return user;
}
