/** The tariff's rule sets, in the order the rule-set list shows them. */
import type { RuleSet } from '../../rules';
import { BASIC_CHARGE, BASIC_PRORATION } from './basic-charge';
import { ENERGY_PRICES } from './energy-prices';
import { GOVERNMENT_FUNDS } from './government-funds';
import { OPENING_TERMS } from './opening-terms';
import { POWER_FACTOR } from './power-factor';
import { RESIDENTIAL_TIERS } from './residential-tiers';
import { TIME_OF_USE } from './time-of-use';

export const TARIFF_RULE_SETS = [
  RESIDENTIAL_TIERS,
  TIME_OF_USE,
  ENERGY_PRICES,
  BASIC_CHARGE,
  BASIC_PRORATION,
  POWER_FACTOR,
  GOVERNMENT_FUNDS,
  OPENING_TERMS,
] as RuleSet<unknown>[];

export {
  BASIC_CHARGE,
  BASIC_PRORATION,
  ENERGY_PRICES,
  GOVERNMENT_FUNDS,
  OPENING_TERMS,
  POWER_FACTOR,
  RESIDENTIAL_TIERS,
  TIME_OF_USE,
};
