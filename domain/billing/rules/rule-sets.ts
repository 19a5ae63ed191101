/**
 * Every billing rule set, in one list: the API lists and versions them, and the start seeds their defaults. A part of
 * billing that adds a rule set appends it here.
 */
import { READING_ANOMALY_RULES } from '../readings';
import { BILL_ISSUE_RULES, BILL_REVIEW_RULES } from '../runs';
import { TARIFF_RULE_SETS } from '../tariff';
import type { RuleSet } from './rule-book';

export const RULE_SETS: RuleSet<unknown>[] = [
  // the tariff (domain/billing/tariff/rules)
  ...TARIFF_RULE_SETS,
  // the reading review, the billing review and the issue (domain/billing/readings, domain/billing/runs)
  READING_ANOMALY_RULES as RuleSet<unknown>,
  BILL_REVIEW_RULES as RuleSet<unknown>,
  BILL_ISSUE_RULES as RuleSet<unknown>,
];

export const ruleSetNamed = (name: string): RuleSet<unknown> | undefined => RULE_SETS.find((set) => set.name === name);
