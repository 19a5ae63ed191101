/** POST /api/auth/login {login, password} → {token, user}; GET /api/auth/me. */
import { Router } from 'express';
import { AppError } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { authenticate } from '../../domain/users';
import type { AppContext } from '../app-context';
import { parseInput } from '../../lib/validation/parse-input';
import { issueToken } from './token';
import { currentUser, requireAuth } from './require-auth';

const loginInput = z.object({ login: z.string().min(1), password: z.string().min(1) });

export function authRoutes(context: AppContext): Router {
  const router = Router();
  router.post('/login', async (request, response) => {
    const input = parseInput(loginInput, request.body, '登录');
    const user = await authenticate(input.login, input.password);
    if (!user) throw new AppError(401, 'LOGIN_FAILED', '用户名或密码错误 / wrong login or password');
    const claims = {
      ...user,
      expiresAt: Date.now() + context.config.APP_TOKEN_TTL_HOURS * 3_600_000,
    };
    response.json({ token: issueToken(claims, context.authSecret), user: claims });
  });
  router.get('/me', requireAuth(context.authSecret), (request, response) => {
    response.json(currentUser(request));
  });
  return router;
}
