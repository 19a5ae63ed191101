/**
 * POST /api/auth/login {login, password} → {token, user}; GET /api/auth/me; POST /api/auth/logout (revokes the
 * user's tokens); POST /api/auth/password {current, next} → a new {token, user}, the old tokens revoked.
 */
import { Router, type Request } from 'express';
import { z } from '../../lib/validation/zh-error-map';
import {
  changeOwnPassword,
  passwordChangeInput,
  signIn,
  signOut,
  throttleLimits,
  type SessionUser,
  type SignInContext,
} from '../../domain/users';
import type { AppContext } from '../app-context';
import { parseInput } from '../../lib/validation/parse-input';
import { requestAddress } from '../http/request-address';
import { issueToken } from './token';
import { currentUser, requireAuth } from './require-auth';

const loginInput = z.object({ login: z.string().min(1).max(128), password: z.string().min(1).max(1024) });

export function authRoutes(context: AppContext): Router {
  const router = Router();
  const limits = throttleLimits(context.config);
  const signInContext = (request: Request): SignInContext => ({ address: requestAddress(request), limits });
  const signedIn = (user: SessionUser) => {
    const claims = { ...user, expiresAt: Date.now() + context.config.APP_TOKEN_TTL_HOURS * 3_600_000 };
    return { token: issueToken(claims, context.authSecret), user: claims };
  };

  router.post('/login', async (request, response) => {
    const input = parseInput(loginInput, request.body, '登录');
    response.json(signedIn(await signIn(input.login, input.password, signInContext(request))));
  });
  router.get('/me', requireAuth(context.authSecret), (request, response) => {
    response.json(currentUser(request));
  });
  router.post('/logout', requireAuth(context.authSecret), async (request, response) => {
    await signOut(currentUser(request).login, requestAddress(request));
    response.status(204).end();
  });
  router.post('/password', requireAuth(context.authSecret), async (request, response) => {
    const input = parseInput(passwordChangeInput, request.body, '修改密码');
    response.json(signedIn(await changeOwnPassword(currentUser(request).login, input, signInContext(request))));
  });
  return router;
}
