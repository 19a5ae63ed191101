/**
 * Every billing rule set, in one list: the API lists and versions them, and the start seeds their defaults. A part of
 * billing that adds a rule set appends it here.
 */
import { COLLECTION_RULE_SETS } from '../../collection/collection-rules';
import type { RuleSet } from './rule-book';

export const RULE_SETS: RuleSet<unknown>[] = [
  // Collection: penalty rates, grace period, notice periods.
  ...COLLECTION_RULE_SETS,
];

export const ruleSetNamed = (name: string): RuleSet<unknown> | undefined => RULE_SETS.find((set) => set.name === name);
