/** Every billing and collection rule set, listed and versioned (the rule book itself is billing's). */
export { RULE_SETS, ruleSetNamed } from './rule-sets';
export { listRuleSets, addRuleSetVersion, ruleVersionInput } from './rule-set-use-case';
