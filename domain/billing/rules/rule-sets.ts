/**
 * Every billing rule set, in one list: the API lists and versions them, and the start seeds their defaults. A part of
 * billing that adds a rule set appends it here.
 */
import { TARIFF_RULE_SETS } from '../tariff';
import type { RuleSet } from './rule-book';

export const RULE_SETS: RuleSet<unknown>[] = [
  // the tariff (domain/billing/tariff/rules)
  ...TARIFF_RULE_SETS,
];

export const ruleSetNamed = (name: string): RuleSet<unknown> | undefined => RULE_SETS.find((set) => set.name === name);
