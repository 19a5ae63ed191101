/** Users, roles and org groups, and login: the public interface of the area. */
export { hashPassword } from './password';
export { authenticate, createUser, getUser, listGroups, listRoles, listUsers, userInput } from './user-use-case';
