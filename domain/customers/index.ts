/** Customers (客户), their accounts (用电户) and bills: the public interface of the area. */
export {
  createCustomer,
  getCustomer,
  searchCustomers,
  customerInput,
  type CustomerInput,
  type CustomerReader,
} from './customer-use-case';
export { checkIdentity, refineResidentId } from './customer-identity';
export { createAccount, getAccount, createBill, listBills } from './account-use-case';
export { accountInScope, accountNoInScope } from './account-scope';
