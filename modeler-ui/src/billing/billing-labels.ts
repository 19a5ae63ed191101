/**
 * A run's state as its step along the billing cycle. (The billing API's other codes — anomaly rules, bill states,
 * review flags, line kinds, tariffs — are named by tasks/labels' `codeLabel`, from the catalogue.)
 */

/** The cycle's steps in order; each run state is at one of them. */
export const RUN_STEPS = [
  'plan',
  'readings',
  'readingReview',
  'anomalies',
  'billing',
  'billReview',
  'issue',
  'notify',
] as const;

const STEP_OF_STATE: Record<string, number> = {
  planned: 0,
  reading: 1,
  'reviewing-readings': 2,
  resolving: 3,
  billing: 4,
  'reviewing-bills': 5,
  issued: 6,
  notified: 7,
};

export const runStepIndex = (state: string): number => STEP_OF_STATE[state] ?? 0;
