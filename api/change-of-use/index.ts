/** What other areas (seeds, workers) use of the change-of-use API. */
export { submitChangeApplication, PROCESS_ID, type SubmittedApplication } from './submit-application-use-case';
export {
  applicationInput,
  CHANGE_TYPES,
  CHANGE_TYPE_NAMES,
  type ApplicationInput,
  type ChangeType,
} from './change-types';
export { unpaidBills, debtMessage, type UnpaidBills } from './unpaid-bills';
export { recordChangePayment, FEE_PAID_MESSAGE } from './payment-use-case';
export { extendTemporaryChange, EXTENDED_MESSAGE } from './extension-use-case';
export { changeOfUseRoutes } from './change-of-use-routes';
