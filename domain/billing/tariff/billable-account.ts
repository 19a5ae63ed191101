/**
 * What the calculator needs to know of an account besides its use: the tariff terms of its version in force
 * (account_tariffs) and the capacity-days its basic charge does not run (suspension, reduction) in the period, as
 * the change-of-use ledger recorded them.
 */

export const TARIFF_KINDS = ['residential-tiered', 'single-part', 'two-part', 'agricultural'] as const;
export type TariffKind = (typeof TARIFF_KINDS)[number];

export interface TariffTerms {
  kind: TariffKind;
  /** Two-part only: the basic charge by installed capacity or by maximum demand. */
  basicChargeBasis: 'capacity' | 'demand' | null;
  contractDemandKw: number | null;
  /** The power-factor standard the account is adjusted on; null for none (residential, small C&I). */
  powerFactorStandard: '0.90' | '0.85' | '0.80' | null;
  /** Metered by time-of-use registers (peak, flat, valley, critical peak). */
  timeOfUse: boolean;
  /** The province (or '*') whose rule rows apply. */
  ruleScope: string;
}

/** kVA whose basic charge does not run for some days of the period, and why. */
export interface CapacityOff {
  kva: number;
  days: number;
  reason: 'suspended' | 'reduced';
  /** First and last day not billed (YYYY-MM-DD). */
  from: string;
  to: string;
}

export interface BillableAccount {
  accountId: number;
  accountNo: string;
  category: string;
  voltage: string;
  /** The capacity the basic charge is reckoned from: the largest contract capacity the account had in the period. */
  capacityKva: number;
  tariff: TariffTerms & { version: string };
  capacityOff: CapacityOff[];
  /** kWh billed earlier in the same year (for a yearly tier basis); 0 otherwise. */
  yearToDateKwh: number;
}
