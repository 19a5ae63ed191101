/**
 * Failed sign-ins counted per login (known or not, so that a lockout tells nothing about which logins exist) and
 * per client address, in the database so a restart keeps them. Too many in the window lock the login or the
 * address until a time the answer names (decision 0026). Real time, not the business clock: a pinned clock must
 * not lift or extend a lockout.
 */
import { UniqueConstraintError } from 'sequelize';
import { SignInThrottle } from '../../db/core/sign-in-throttle-models';
import type { AppConfig } from '../../lib/config/app-config';
import { AppError } from '../../lib/errors/app-error';

export interface ThrottleLimits {
  maxFailuresPerLogin: number;
  maxFailuresPerAddress: number;
  windowMs: number;
  lockoutMs: number;
}

export const throttleLimits = (config: AppConfig): ThrottleLimits => ({
  maxFailuresPerLogin: config.APP_SIGNIN_MAX_FAILURES,
  maxFailuresPerAddress: config.APP_SIGNIN_ADDRESS_MAX_FAILURES,
  windowMs: config.APP_SIGNIN_WINDOW_MINUTES * 60_000,
  lockoutMs: config.APP_SIGNIN_LOCKOUT_MINUTES * 60_000,
});

type Scope = 'login' | 'address';

export interface Lockout {
  scope: Scope;
  until: Date;
}

const keysOf = (login: string, address: string): { scope: Scope; subject: string }[] => [
  { scope: 'login', subject: login.slice(0, 128) },
  { scope: 'address', subject: address.slice(0, 128) },
];

/** The lockout in force on the login or the address (the later one when both are), if any. */
export async function lockoutInForce(login: string, address: string, now: Date): Promise<Lockout | undefined> {
  let latest: Lockout | undefined;
  for (const key of keysOf(login, address)) {
    const row = await SignInThrottle.findOne({ where: key });
    if (row?.lockedUntil && row.lockedUntil > now && (!latest || row.lockedUntil > latest.until))
      latest = { scope: key.scope, until: row.lockedUntil };
  }
  return latest;
}

async function rowFor(key: { scope: Scope; subject: string }, now: Date): Promise<SignInThrottle> {
  const found = await SignInThrottle.findOne({ where: key });
  if (found) return found;
  try {
    return await SignInThrottle.create({ ...key, failures: 0, windowStartedAt: now });
  } catch (error) {
    // Another failed attempt created it in between.
    if (!(error instanceof UniqueConstraintError)) throw error;
    return (await SignInThrottle.findOne({ where: key }))!;
  }
}

/** Counts a failed sign-in against the login and the address; returns the lockout it started, if it did. */
export async function countFailure(
  login: string,
  address: string,
  limits: ThrottleLimits,
  now: Date,
): Promise<Lockout | undefined> {
  let started: Lockout | undefined;
  for (const key of keysOf(login, address)) {
    const row = await rowFor(key, now);
    if (now.getTime() - row.windowStartedAt.getTime() >= limits.windowMs)
      await row.update({ failures: 0, windowStartedAt: now });
    // An atomic `failures = failures + 1`, so that attempts at the same moment all count.
    await row.increment('failures');
    await row.reload();
    const limit = key.scope === 'login' ? limits.maxFailuresPerLogin : limits.maxFailuresPerAddress;
    if (row.failures < limit) continue;
    // Whole seconds, as MySQL's DATETIME keeps them: the end named is the end stored.
    const until = new Date(Math.ceil((now.getTime() + limits.lockoutMs) / 1000) * 1000);
    await row.update({ failures: 0, windowStartedAt: now, lockedUntil: until });
    if (!started || until > started.until) started = { scope: key.scope, until };
  }
  return started;
}

/** A successful sign-in forgives the login's failures; the address's stay, or one good account would reset them. */
export async function forgiveLoginFailures(login: string): Promise<void> {
  await SignInThrottle.destroy({ where: { scope: 'login', subject: login.slice(0, 128) } });
}

export function lockedError(lockout: Lockout): AppError {
  const until = lockout.until.toISOString();
  const message =
    lockout.scope === 'login'
      ? `该账号登录失败次数过多，已暂时锁定，请于 ${until} 之后再试 / too many failed sign-ins for this login: ` +
        `it is locked until ${until}, try again after that`
      : `此地址登录失败次数过多，已暂时锁定，请于 ${until} 之后再试 / too many failed sign-ins from this address: ` +
        `it is locked until ${until}, try again after that`;
  return new AppError(429, 'SIGNIN_LOCKED', message, { scope: lockout.scope, lockedUntil: until });
}
