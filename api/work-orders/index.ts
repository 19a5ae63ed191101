/** The 95598 work-order routes (the area itself is domain/work-orders). */
export { workOrderRoutes } from './work-order-routes';
