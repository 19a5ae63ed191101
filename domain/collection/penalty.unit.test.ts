/** The penalty of the hand-computed cases, from the default rule rows (not from figures copied here). */
import { addDays } from '../../lib/calendar/china-time';
import { ANY_SCOPE } from '../billing';
import { PENALTY_RATES, type PenaltyRates } from './collection-rules';
import { penaltyOf } from './penalty';

const rates = (scope: string): PenaltyRates =>
  PENALTY_RATES.schema.parse(PENALTY_RATES.defaults.find((row) => (row.scope ?? ANY_SCOPE) === scope)!.body);
const residential = rates('residential');
const others = rates(ANY_SCOPE);

test('a residential 150.00 yuan bill due 2026-03-15, paid 2026-04-24: 40 days at 1‰ → 6.00 yuan', () => {
  const penalty = penaltyOf({
    principalFen: 15_000,
    period: '2026-02',
    dueDate: '2026-03-15',
    until: '2026-04-24',
    rates: residential,
  });
  expect(penalty.days).toBe(40);
  expect(penalty.amountFen).toBe(Math.round((15_000 * residential.currentYearPerMille * 40) / 1000));
  expect(penalty.amountFen).toBe(600);
});

test('a residential 20.00 yuan bill 10 days late: 0.20 yuan by the rate, the minimum 1.00 yuan', () => {
  const penalty = penaltyOf({
    principalFen: 2_000,
    period: '2026-05',
    dueDate: '2026-06-15',
    until: addDays('2026-06-15', 10),
    rates: residential,
  });
  expect(penalty.days).toBe(10);
  expect((2_000 * residential.currentYearPerMille * 10) / 1000).toBeLessThan(residential.minimumFen);
  expect(penalty.amountFen).toBe(residential.minimumFen);
  expect(penalty.amountFen).toBe(100);
});

test('a non-residential bill across a year end: its own year at 2‰, the days of the new year at 3‰', () => {
  const penalty = penaltyOf({
    principalFen: 1_000_000,
    period: '2026-11',
    dueDate: '2026-12-20',
    until: '2027-01-10',
    rates: others,
  });
  // 21–31 December: 11 days; 1–10 January: 10 days.
  expect(penalty).toMatchObject({ days: 21, daysAtCurrentYearRate: 11, daysAtEarlierYearsRate: 10 });
  const expected = (1_000_000 * (11 * others.currentYearPerMille + 10 * others.earlierYearsPerMille)) / 1000;
  expect(penalty.amountFen).toBe(expected);
  expect(penalty.amountFen).toBe(52_000);
});

test('paid on or before the due date: no penalty; a part paid stops accruing from the next day', () => {
  const base = { principalFen: 10_000, period: '2026-03', dueDate: '2026-04-15', rates: others };
  expect(penaltyOf({ ...base, until: '2026-04-15' }).amountFen).toBe(0);
  // 5 days on 100.00, then 5 days on 40.00 at 2‰: 1.00 + 0.40 = 1.40 yuan.
  const partly = penaltyOf({ ...base, until: '2026-04-25', principalPaid: [{ day: '2026-04-20', amountFen: 6_000 }] });
  expect(partly.amountFen).toBe(140);
});

test('rounding: the exact sum is rounded once, half up, to the fen', () => {
  // 3.33 yuan × 1‰ × 15 days = 0.04995 yuan → 4.995 fen → 5 fen, then the minimum.
  const penalty = penaltyOf({
    principalFen: 333,
    period: '2026-01',
    dueDate: '2026-02-15',
    until: '2026-03-02',
    rates: { ...residential, minimumFen: 0 },
  });
  expect(penalty.amountFen).toBe(5);
});
