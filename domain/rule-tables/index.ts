/** The time-limit and fee tables, read-only, with where each is changed: the public interface of the area. */
export { listRuleTables, type RuleTable } from './rule-tables-use-case';
export { RULE_TABLES, type RuleTableKind, type RuleTableSource } from './rule-tables';
