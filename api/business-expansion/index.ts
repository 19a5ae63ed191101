/** The 业扩报装 area's public use cases, for other areas (e.g. change of use: a relocation becoming a new connection). */
export { submitApplication, type SubmittedApplication } from './submit-application-use-case';
export { businessExpansionRoutes } from './business-expansion-routes';
