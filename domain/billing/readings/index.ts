/** Meter reading (抄表): sections, the reading file import, manual entry, the anomaly rules and the reading review. */
export * from './anomaly-rules';
export * from './billing-period';
export * from './decide-anomaly-use-case';
export * from './enter-reading-use-case';
export * from './import-readings-use-case';
export * from './interrupted-imports';
export * from './period-readings';
export * from './receive-reading-file';
export * from './review-readings-use-case';
export * from './sections-use-case';
