/**
 * The password policy for every password set or changed through the API (decision 0026): at least 10 characters,
 * letters and digits both, not containing the login. Passwords set before it (the demo users' `demo1234`) keep working until
 * changed.
 */
import { validationError } from '../../lib/errors/app-error';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const RULES: { broken(password: string, login: string): boolean; message: string }[] = [
  {
    broken: (password) => password.length < PASSWORD_MIN_LENGTH,
    message: `密码至少 ${PASSWORD_MIN_LENGTH} 个字符 / a password needs at least ${PASSWORD_MIN_LENGTH} characters`,
  },
  {
    broken: (password) => password.length > PASSWORD_MAX_LENGTH,
    message: `密码最多 ${PASSWORD_MAX_LENGTH} 个字符 / a password has at most ${PASSWORD_MAX_LENGTH} characters`,
  },
  {
    broken: (password) => !/\p{L}/u.test(password) || !/\d/.test(password),
    message: '密码须同时包含字母和数字 / a password needs both letters and digits',
  },
  {
    broken: (password, login) => password.toLowerCase().includes(login.toLowerCase()),
    message: '密码不能包含登录名 / a password must not contain the login',
  },
];

/** Throws a 400 naming `field` and every rule the password breaks. */
export function checkPasswordPolicy(password: string, login: string, field: string): void {
  const broken = RULES.filter((rule) => rule.broken(password, login)).map((rule) => rule.message);
  if (broken.length === 0) return;
  throw validationError(
    `${field}: ${broken.join('; ')} — 请换一个密码 / choose another password`,
    broken.map((message) => ({ field, message })),
  );
}
