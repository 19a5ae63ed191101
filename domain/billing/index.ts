/**
 * Billing's public interface for the API and the workers: the rule sets and their versions, the tariff (the
 * contract the billing run uses, an account's tariff terms, bills with their lines), corrections (电费退补), and the
 * monthly cycle: readings (抄表) and billing runs (核算、发行).
 */
export { listRuleSets, addRuleSetVersion, ruleVersionInput } from './rules/rule-set-use-case';
export * from './tariff';
export { accountTariffInput, accountTariffs, addAccountTariff } from './tariff/account-tariff-use-case';
export { accountBills, billDetail, correctionDetail } from './tariff/bill-queries';
export * from './corrections';
export * from './readings';
export * from './runs';
export { RULE_SETS, ruleSetNamed } from './rules/rule-sets';
