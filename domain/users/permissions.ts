/**
 * What a user may do, as data: the permissions of their roles (Role.permissions; `*` is every permission). Kept
 * while the reference data's version stands, so that an administrator's change to a role applies at once.
 */
import { referenceData } from '../../db/core/reference-version';
import { Role } from '../../db/core/user-models';

export interface PermissionUser {
  roles: string[];
}

/** Granting the whole view of ID and phone numbers (decision 0025). */
export const PII_VIEW = 'pii:view';
/** Changing a running instance's variables in the monitor (decision 0038). */
export const VARIABLES_EDIT = 'variables:edit';
/** Unclaiming a task assigned to someone else. */
export const SUPERVISE = 'supervise';
export async function permissionsOf(roles: string[]): Promise<Set<string>> {
  if (roles.length === 0) return new Set();
  const byRole = await referenceData('role-permissions', async () => {
    const all = await Role.findAll();
    return new Map(all.map((role) => [role.code, role.permissions ?? []]));
  });
  return new Set(roles.flatMap((role) => byRole.get(role) ?? []));
}

export async function hasPermission(user: PermissionUser, permission: string): Promise<boolean> {
  const permissions = await permissionsOf(user.roles);
  return permissions.has('*') || permissions.has(permission);
}
