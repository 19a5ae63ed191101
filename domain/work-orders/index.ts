/**
 * The 95598 customer-service work order and the knowledge base its agents answer from: the public interface of
 * the area, for the API's routes, the job workers, the seeds and other areas.
 */
// Orders
export { createWorkOrder, startOrderProcess, type CreatedOrder } from './create-work-order-use-case';
export { listWorkOrders } from './list-work-orders-use-case';
export { workOrderDetail } from './work-order-detail-use-case';
export { workOrderSheet } from './order-sheet';
export { superviseWorkOrder, urgeWorkOrder } from './order-message-use-case';
export { workOrderStatistics } from './work-order-statistics-use-case';
export { ORDER_TYPES, ORDER_TYPE_CODES, URGENCIES, workOrderChoices, type OrderType } from './work-order-types';
// The process's steps
export {
  answerFromKnowledge,
  archiveOrder,
  DISPATCH_LEVELS,
  linkUrging,
  recordCallback,
  recordDispatch,
  recordOrderMessage,
  recordReply,
  recordReview,
  type DispatchLevel,
  type OrderMessageKind,
} from './order-steps-use-case';
export { RepairTimeRefused, recordRepairTime, type RepairTime } from './repair-time-use-case';
// The knowledge base
export { articleInput, createArticle, findArticles, knowledgeSearchInput, updateArticle } from './knowledge-use-case';
export { workOrderCaseTable } from './case-table';
