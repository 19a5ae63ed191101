/** The 业扩报装 routes (the area itself is domain/business-expansion). */
export { businessExpansionRoutes } from './business-expansion-routes';
