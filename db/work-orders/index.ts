export { initWorkOrderModels, KnowledgeArticle, WorkOrder, WorkOrderEvent } from './work-order-models';
export * from './knowledge-repository';
export * from './work-order-repository';
