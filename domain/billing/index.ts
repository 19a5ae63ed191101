/**
 * Billing (抄表、核算、发行), the public interface of the area for the API and the workers: its rules, the tariff
 * calculator, readings and runs.
 */
export * from './readings';
export * from './runs';
export { RULE_SETS, ruleSetNamed } from './rules/rule-sets';
