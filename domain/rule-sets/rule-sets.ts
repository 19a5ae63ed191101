/**
 * Every rule set of billing and collection, in one list: the API lists and versions them, and the start seeds their
 * defaults. An area that adds a rule set appends it here; this list sits above the areas (they define their sets
 * with billing's rule book, which cannot list collection's without an import circle).
 */
import { BILL_ISSUE_RULES, BILL_REVIEW_RULES, READING_ANOMALY_RULES, TARIFF_RULE_SETS, type RuleSet } from '../billing';
import { COLLECTION_RULE_SETS } from '../collection';

export const RULE_SETS: RuleSet<unknown>[] = [
  // the tariff (domain/billing/tariff/rules)
  ...TARIFF_RULE_SETS,
  // the reading review, the billing review and the issue (domain/billing/readings, domain/billing/runs)
  READING_ANOMALY_RULES as RuleSet<unknown>,
  BILL_REVIEW_RULES as RuleSet<unknown>,
  BILL_ISSUE_RULES as RuleSet<unknown>,
  // Collection: penalty rates, grace period, notice periods.
  ...COLLECTION_RULE_SETS,
];

export const ruleSetNamed = (name: string): RuleSet<unknown> | undefined => RULE_SETS.find((set) => set.name === name);
