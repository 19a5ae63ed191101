/**
 * Every /api route but login needs a valid `Authorization: Bearer <token>`; `requireRole` narrows a route to
 * some roles (administrators pass every check).
 */
import type { Request, RequestHandler } from 'express';
import { AppError } from '../../lib/errors/app-error';
import { verifyToken, type TokenClaims } from './token';

const unauthorized = () => new AppError(401, 'UNAUTHORIZED', '请先登录 / login required');

export function requireAuth(secret: string): RequestHandler {
  return (request, _response, next) => {
    const header = request.headers.authorization ?? '';
    const claims = header.startsWith('Bearer ') ? verifyToken(header.slice(7), secret) : undefined;
    if (!claims) throw unauthorized();
    (request as AuthenticatedRequest).user = claims;
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
