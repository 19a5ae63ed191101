/** Users, roles and org groups, and login: the public interface of the area. */
export { hashPassword } from './password';
export { authenticate, createUser, getUser, listGroups, listRoles, listUsers, userInput } from './user-use-case';
export { PII_VIEW, SUPERVISE, hasPermission, type PermissionUser } from './permissions';
export { isSeparatedStep } from './separated-steps';
export {
  acceptingUnit,
  inScope,
  requireInScope,
  scopeWhere,
  servingUnit,
  unitScope,
  type ScopeUser,
  type UnitScope,
} from './unit-scope';
export { shownPii, type PiiReader, type PiiRequest } from './pii-view';
