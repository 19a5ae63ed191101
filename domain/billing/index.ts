/**
 * Billing's public interface for the API, the workers and the other areas: the rule book of versioned rule rows,
 * the tariff (the contract the billing run uses, an account's tariff terms, bills with their lines), corrections
 * (电费退补), and the monthly cycle: readings (抄表) and billing runs (核算、发行). The list of every rule set lives
 * above the areas that define them (domain/rule-sets).
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
export * from './tariff';
export { accountTariffInput, accountTariffs, addAccountTariff } from './tariff/account-tariff-use-case';
export { accountBills, billDetail, correctionDetail } from './tariff/bill-queries';
export { tariffOfPeriod } from './tariff/period-tariff';
export * from './corrections';
export * from './readings';
export * from './runs';
export {
  billInScope,
  correctionInScope,
  runInScope,
  sectionIdsInScope,
  sectionInScope,
  sectionUnitInScope,
} from './billing-scope';
export { openAccountForBilling, type EnergizedConnection } from './tariff/open-account-for-billing-use-case';
export { openingTerms, type ConnectionFacts } from './tariff/opening-terms';
