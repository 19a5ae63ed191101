/**
 * The late-payment penalty (违约金) of one bill, computed from the rule rows (PENALTY_RATES): each day from the day
 * after the due date to the day of payment, both counted, accrues the day's rate on the principal still owed that
 * day; a day in a later year than the bill's period is an earlier year's arrears (the higher rate). The exact sum
 * is rounded once, half up, to the fen, and a late bill pays at least the minimum (decision 0056).
 */
import { addDays, daysBetween } from '../../lib/calendar/china-time';
import type { PenaltyRates } from './collection-rules';

export interface PenaltyInput {
  principalFen: number;
  /** The bill's period, 'YYYY-MM': its year is the bill's own year. */
  period: string;
  dueDate: string;
  /** The day the penalty is counted to (the payment day, or today), counted itself. */
  until: string;
  rates: PenaltyRates;
  /** Principal paid before `until`, each on its day: from the day after, it no longer accrues. */
  principalPaid?: { day: string; amountFen: number }[];
}

export interface Penalty {
  /** Days late: from the day after the due date to `until`. */
  days: number;
  daysAtCurrentYearRate: number;
  daysAtEarlierYearsRate: number;
  amountFen: number;
}

const NONE: Penalty = { days: 0, daysAtCurrentYearRate: 0, daysAtEarlierYearsRate: 0, amountFen: 0 };

export function penaltyOf(input: PenaltyInput): Penalty {
  const days = daysBetween(input.dueDate, input.until);
  if (days <= 0 || input.principalFen <= 0) return NONE;
  const billYear = Number(input.period.slice(0, 4));
  const paid = [...(input.principalPaid ?? [])].sort((a, b) => (a.day < b.day ? -1 : 1));
  let owed = input.principalFen;
  let next = 0;
  let exact = 0;
  let current = 0;
  let earlier = 0;
  for (let day = addDays(input.dueDate, 1); day <= input.until; day = addDays(day, 1)) {
    while (next < paid.length && paid[next].day < day) owed -= paid[next++].amountFen;
    if (owed <= 0) break;
    const laterYear = Number(day.slice(0, 4)) > billYear;
    if (laterYear) earlier += 1;
    else current += 1;
    exact += (owed * (laterYear ? input.rates.earlierYearsPerMille : input.rates.currentYearPerMille)) / 1000;
  }
  if (current + earlier === 0) return NONE;
  return {
    days,
    daysAtCurrentYearRate: current,
    daysAtEarlierYearsRate: earlier,
    amountFen: Math.max(roundHalfUp(exact), input.rates.minimumFen),
  };
}

/** Half up to the fen, with a tolerance for the binary fractions a per-mille product leaves (150.00 × 0.001 × 40). */
function roundHalfUp(fen: number): number {
  return Math.floor(fen + 0.5 + 1e-9);
}
