/**
 * Billing (抄表、核算): the rule book of versioned rule rows. The area's public interface; the list of every rule set
 * (rules/rule-sets.ts) stays out of it, since the areas that define rule sets are listed there.
 */
export {
  ANY_SCOPE,
  RuleBook,
  addRuleVersion,
  defineRuleSet,
  seedDefaultRules,
  type NewRuleVersion,
  type RuleDefault,
  type RuleInForce,
  type RuleSet,
} from './rules/rule-book';
