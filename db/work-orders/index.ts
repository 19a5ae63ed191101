export { initWorkOrderModels, KnowledgeArticle, WorkOrder, WorkOrderEvent } from './work-order-models';
