/**
 * What billing computes before anything is written: an account's metered use in a period goes in, a list of line
 * items comes out. The reading review (domain/billing/readings) produces `MeteredUse`; the tariff calculator
 * (domain/billing/tariff) turns it into a `BillDraft`; the billing run writes drafts as bills with their lines.
 */

/** One account's use in a billing period, as the reading review passed it. Quantities, not money. */
export interface MeteredUse {
  /** Active energy in kWh: `total` always; the time-of-use registers on accounts metered by period. */
  energyKwh: { total: number; peak?: number; flat?: number; valley?: number; criticalPeak?: number };
  /** Reactive energy in kvarh, for the power-factor adjustment. */
  reactiveKvarh?: number;
  /** The month's maximum demand in kW, for a basic charge by demand. */
  maxDemandKw?: number;
}

export interface BillLineDraft {
  kind: string;
  /** The line as printed, in Chinese. */
  description: string;
  quantity: number | null;
  unit: string | null;
  /** 元 per unit as the tariff states it. */
  unitPrice: number | null;
  amountFen: number;
  basis: Record<string, unknown> | null;
}

export interface BillDraft {
  accountId: number;
  /** 'YYYY-MM' */
  period: string;
  lines: BillLineDraft[];
  /** The sum of the lines' amounts, always. */
  amountFen: number;
}

/** A draft whose amount is the sum of its lines, by construction. */
export const billDraft = (accountId: number, period: string, lines: BillLineDraft[]): BillDraft => ({
  accountId,
  period,
  lines,
  amountFen: lines.reduce((sum, line) => sum + line.amountFen, 0),
});
