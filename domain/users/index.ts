/** Users, roles and org groups, sign-in and sessions: the public interface of the area. */
export { hashPassword } from './password';
export { throttleLimits } from './sign-in-throttle';
export {
  changeOwnPassword,
  currentSession,
  passwordChangeInput,
  signIn,
  signOut,
  type SessionUser,
  type SignInContext,
} from './sign-in-use-case';
export {
  deactivateUser,
  passwordResetInput,
  reactivateUser,
  resetPassword,
  updateUser,
  userUpdateInput,
} from './user-admin-use-case';
export { UNIT_LEVELS, createUnit, unitInput, unitUpdateInput, updateUnit } from './unit-admin-use-case';
export {
  createUser,
  getUser,
  listGroups,
  listRoles,
  searchUsers,
  userInput,
  userSearchInput,
  type Actor,
} from './user-use-case';
export { PII_VIEW, SUPERVISE, VARIABLES_EDIT, hasPermission, type PermissionUser } from './permissions';
export { isSeparatedStep } from './separated-steps';
export {
  acceptingUnit,
  inScope,
  requireInScope,
  scopeWhere,
  servingUnit,
  unitOfArea,
  unitScope,
  type ScopeUser,
  type UnitScope,
} from './unit-scope';
export { shownPii, type PiiReader, type PiiRequest } from './pii-view';
