/** Billing runs: starting one, its steps along the billing-cycle process, and reading it. */
export * from './anomaly-task-actor';
export * from './compute-bills-use-case';
export * from './cycle-rules';
export * from './flag-bills-use-case';
export * from './issue-bills-use-case';
export * from './notify-customers-use-case';
export * from './run-overview-queries';
export * from './run-queries';
export * from './run-steps';
export * from './start-run-use-case';
export * from './withdraw-drafts-use-case';
