/**
 * The tariff terms of an account a 业扩 connection opens, from the case (category, supply voltage, capacity, the
 * scheme's billing method) and the `opening-tariff-terms` rule in force (pure). Residential accounts take the tiered
 * tariff, agricultural the agricultural one, the others what the scheme says: two-part, single-part, or — where the
 * customer was to choose (100–315 kVA) and nothing was recorded — the rule's choice.
 */
import type { TariffTerms } from './billable-account';
import type { OpeningTermsRule } from './rules/opening-terms';

export interface ConnectionFacts {
  category: string;
  /** The supply voltage, e.g. '220V', '10kV'. */
  voltage: string;
  capacityKva: number;
  /** The scheme's 计费方式: single-part | two-part | customer-choice (null: no scheme). */
  billingMethod: string | null;
}

const isHighVoltage = (voltage: string) => /kV$/i.test(voltage);

function kindOf(facts: ConnectionFacts, rule: OpeningTermsRule): TariffTerms['kind'] {
  if (facts.category === 'residential') return 'residential-tiered';
  if (facts.category === 'agricultural') return 'agricultural';
  if (facts.billingMethod === 'two-part') return 'two-part';
  if (facts.billingMethod === 'customer-choice') return rule.customerChoiceKind;
  return 'single-part';
}

function powerFactorOf(facts: ConnectionFacts, rule: OpeningTermsRule): TariffTerms['powerFactorStandard'] {
  if (facts.category === 'residential') return null;
  const row = rule.powerFactor.find(
    (candidate) =>
      (candidate.category === '*' || candidate.category === facts.category) &&
      facts.capacityKva >= candidate.minKva &&
      (!candidate.highVoltageOnly || isHighVoltage(facts.voltage)),
  );
  return row?.standard ?? null;
}

export function openingTerms(facts: ConnectionFacts, rule: OpeningTermsRule): TariffTerms {
  const kind = kindOf(facts, rule);
  return {
    kind,
    // By capacity: a basis by demand needs a contract demand, which the case does not give.
    basicChargeBasis: kind === 'two-part' ? 'capacity' : null,
    contractDemandKw: null,
    powerFactorStandard: powerFactorOf(facts, rule),
    timeOfUse: false,
    ruleScope: '*',
  };
}
