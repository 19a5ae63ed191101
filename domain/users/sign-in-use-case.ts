/**
 * Signing in and out, changing one's own password, and checking a token's session on every request. A token
 * carries its user's token version; raising the version (sign-out, deactivation, a password change or reset)
 * revokes every token issued before, at once, because each request reads the user (decision 0026).
 */
import { User } from '../../db/core/user-models';
import { AppError, validationError } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { recordAudit } from '../audit';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password';
import { checkPasswordPolicy } from './password-policy';
import {
  countFailure,
  forgiveLoginFailures,
  lockedError,
  lockoutInForce,
  type ThrottleLimits,
} from './sign-in-throttle';

export interface SessionUser {
  login: string;
  name: string;
  roles: string[];
  groups: string[];
  tokenVersion: number;
}

/** Where a request came from and the limits it is held to. */
export interface SignInContext {
  address: string;
  limits: ThrottleLimits;
}

const sessionOf = (user: User): SessionUser => ({
  login: user.login,
  name: user.name,
  roles: user.roles,
  groups: user.groups,
  tokenVersion: user.tokenVersion,
});

const loginFailed = () => new AppError(401, 'LOGIN_FAILED', '用户名或密码错误 / wrong login or password');

/** One attempt at proving a password, as the audit log records it. */
interface Attempt {
  actor: string;
  action: string;
  target: string;
  address: string;
}

const attemptOf = (login: string, action: string, context: SignInContext): Attempt => ({
  actor: login,
  action,
  target: `user:${login}`,
  address: context.address,
});

/** Refuses a locked login or address, recording the refusal. */
async function refuseWhenLocked(attempt: Attempt, context: SignInContext, now: Date): Promise<void> {
  const lockout = await lockoutInForce(attempt.actor, context.address, now);
  if (!lockout) return;
  const detail = { reason: `${lockout.scope}-locked`, lockedUntil: lockout.until.toISOString() };
  await recordAudit({ ...attempt, outcome: 'refused', detail });
  throw lockedError(lockout);
}

/** Counts and records a wrong password; answers the lockout it started, if it did. */
async function countFailedAttempt(attempt: Attempt, reason: string, context: SignInContext, now: Date) {
  const lockout = await countFailure(attempt.actor, context.address, context.limits, now);
  await recordAudit({ ...attempt, outcome: 'failed', detail: { reason, lockedUntil: lockout?.until.toISOString() } });
  return lockout;
}

/** The user for the login and password; an unknown login is checked against a dummy hash to take the same time. */
export async function signIn(login: string, password: string, context: SignInContext): Promise<SessionUser> {
  const now = new Date();
  const attempt = attemptOf(login, 'auth.login', context);
  await refuseWhenLocked(attempt, context, now);
  const user = await User.findOne({ where: { login } });
  const passwordRight = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !passwordRight) {
    const lockout = await countFailedAttempt(attempt, user ? 'wrong-password' : 'unknown-login', context, now);
    throw lockout ? lockedError(lockout) : loginFailed();
  }
  if (!user.active) {
    // Said only to someone who gave the right password.
    await recordAudit({ ...attempt, outcome: 'refused', detail: { reason: 'deactivated' } });
    throw new AppError(
      403,
      'USER_DEACTIVATED',
      '该账号已停用，请联系管理员 / this account is deactivated: ask an administrator',
    );
  }
  await forgiveLoginFailures(login);
  if (needsRehash(user.passwordHash)) await user.update({ passwordHash: await hashPassword(password) });
  await recordAudit({ ...attempt, outcome: 'ok' });
  return sessionOf(user);
}

/** Ends every session of the user: all their tokens stop working. */
export async function signOut(login: string, address: string): Promise<void> {
  await User.increment('tokenVersion', { where: { login } });
  await recordAudit({ actor: login, action: 'auth.logout', target: `user:${login}`, address });
}

/** The user behind a token as the database has them now, or undefined when the token has been revoked. */
export async function currentSession(login: string, tokenVersion: number): Promise<SessionUser | undefined> {
  const user = await User.findOne({ where: { login } });
  if (!user || !user.active || user.tokenVersion !== tokenVersion) return undefined;
  return sessionOf(user);
}

/** The attributes a new password sets: its hash, its date, and a new token version revoking the old tokens. */
export async function newPasswordAttributes(user: User, password: string) {
  return {
    passwordHash: await hashPassword(password),
    passwordChangedAt: new Date(),
    tokenVersion: user.tokenVersion + 1,
  };
}

export const passwordChangeInput = z.object({ current: z.string().min(1), next: z.string().min(1) }).strict();

const fieldRefused = (field: string, message: string) => validationError(`${field}: ${message}`, [{ field, message }]);

/** A user changes their own password; a wrong current password counts as a failed sign-in. */
export async function changeOwnPassword(
  login: string,
  input: z.infer<typeof passwordChangeInput>,
  context: SignInContext,
): Promise<SessionUser> {
  const now = new Date();
  const attempt = attemptOf(login, 'user.password-change', context);
  await refuseWhenLocked(attempt, context, now);
  const user = await User.findOne({ where: { login, active: true } });
  if (!user) throw loginFailed();
  if (!(await verifyPassword(input.current, user.passwordHash))) {
    const lockout = await countFailedAttempt(attempt, 'wrong-current-password', context, now);
    throw lockout
      ? lockedError(lockout)
      : fieldRefused('current', '当前密码不正确，请重新输入 / the current password is wrong: enter it again');
  }
  checkPasswordPolicy(input.next, login, 'next');
  if (input.next === input.current)
    throw fieldRefused('next', '新密码须与当前密码不同 / the new password must differ from the current one');
  await user.update(await newPasswordAttributes(user, input.next));
  await recordAudit({ ...attempt, outcome: 'ok' });
  return sessionOf(user);
}
