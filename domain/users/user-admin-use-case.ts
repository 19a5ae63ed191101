/**
 * What administrators do to an existing user: edit their name, phone, roles and groups (units), deactivate and
 * reactivate them, reset their password. Each is audited; deactivation and a reset revoke the user's tokens at
 * once (their token version rises). Role and group changes need no revocation: every request reads them afresh.
 */
import { User } from '../../db/core/user-models';
import { conflict } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { recordAudit } from '../audit';
import { checkPasswordPolicy } from './password-policy';
import { newPasswordAttributes } from './sign-in-use-case';
import { checkCodesExist, findUser, publicUser, type Actor } from './user-use-case';

export const userUpdateInput = z
  .object({
    name: z.string().min(1).max(64).optional(),
    phone: z.string().max(32).nullable().optional(),
    roles: z.array(z.string()).optional(),
    groups: z.array(z.string()).optional(),
  })
  .strict()
  .refine(
    (input) => Object.keys(input).length > 0,
    '至少给出一项：name、phone、roles、groups / give at least one field',
  );

export const passwordResetInput = z.object({ password: z.string().min(1) }).strict();

const audited = (actor: Actor, action: string, user: User, detail?: Record<string, unknown>) =>
  recordAudit({ actor: actor.login, action, target: `user:${user.login}`, address: actor.address, detail });

export async function updateUser(id: number, input: z.infer<typeof userUpdateInput>, actor: Actor) {
  const user = await findUser(id, String(id));
  await checkCodesExist(input.roles ?? [], input.groups ?? []);
  const before = { roles: user.roles, groups: user.groups };
  await user.update(input);
  // Names of the fields changed, and the access before and after; a phone number stays out of the log.
  await audited(actor, 'user.update', user, {
    fields: Object.keys(input),
    ...(input.roles ? { roles: { before: before.roles, after: input.roles } } : {}),
    ...(input.groups ? { groups: { before: before.groups, after: input.groups } } : {}),
  });
  return publicUser(user);
}

export async function deactivateUser(id: number, actor: Actor) {
  const user = await findUser(id, String(id));
  // An administrator locking themselves out could leave nobody to undo it.
  if (user.login === actor.login)
    throw conflict(
      '不能停用自己的账号，请由另一位管理员操作 / you cannot deactivate yourself: ask another administrator',
    );
  await user.update({ active: false, tokenVersion: user.tokenVersion + 1 });
  await audited(actor, 'user.deactivate', user);
  return publicUser(user);
}

export async function reactivateUser(id: number, actor: Actor) {
  const user = await findUser(id, String(id));
  await user.update({ active: true });
  await audited(actor, 'user.reactivate', user);
  return publicUser(user);
}

export async function resetPassword(id: number, input: z.infer<typeof passwordResetInput>, actor: Actor) {
  const user = await findUser(id, String(id));
  checkPasswordPolicy(input.password, user.login, 'password');
  await user.update(await newPasswordAttributes(user, input.password));
  await audited(actor, 'user.password-reset', user);
  return publicUser(user);
}
