/** The 95598 work-order area's API for other areas: its routes and the use case that creates an order. */
export { createWorkOrder, type CreatedOrder } from './create-work-order-use-case';
export { workOrderRoutes } from './work-order-routes';
