/**
 * Every billing rule set, in one list: the API lists and versions them, and the start seeds their defaults. A part of
 * billing that adds a rule set appends it here.
 */
import type { RuleSet } from './rule-book';

export const RULE_SETS: RuleSet<unknown>[] = [];

export const ruleSetNamed = (name: string): RuleSet<unknown> | undefined => RULE_SETS.find((set) => set.name === name);
