import { meteredUse, registerUse, type PeriodReading } from './period-readings';
import { readingFacts } from './review-readings-use-case';

const reading = (
  meterId: number,
  register: string,
  period: string,
  value: number,
  source = 'import',
): PeriodReading => ({
  accountId: 1,
  meterId,
  register,
  period,
  value,
  source,
});

test('use is this month less last month of the same meter, times its multiplier; max demand as read', () => {
  const readings = [
    reading(7, 'total', '2026-10', 1000),
    reading(7, 'total', '2026-11', 1250.5),
    reading(7, 'reactive', '2026-10', 300),
    reading(7, 'reactive', '2026-11', 360),
    reading(7, 'max-demand', '2026-11', 12.5),
  ];
  expect(meteredUse(readings, '2026-11', '2026-10', new Map([['7:reactive', 40]]))).toEqual({
    energyKwh: { total: 250.5 },
    reactiveKvarh: 2400,
    maxDemandKw: 12.5,
  });
});

test('a meter changed in the month: the old one to its last reading, the new one from zero', () => {
  const readings = [
    reading(7, 'total', '2026-10', 1000),
    reading(7, 'total', '2026-11', 1100),
    reading(8, 'total', '2026-11', 40),
  ];
  expect(registerUse(readings, 'total', '2026-11', '2026-10', new Map())).toBe(140);
  expect(registerUse(readings, 'peak', '2026-11', '2026-10', new Map())).toBeUndefined();
});

test("the review's facts: this month's reading, last month's of the same meter, the months before as use", () => {
  const periods = ['2026-11', '2026-10', '2026-09', '2026-08', '2026-07'];
  const readings = [
    reading(7, 'total', '2026-07', 100),
    reading(7, 'total', '2026-08', 250),
    reading(7, 'total', '2026-10', 500),
    reading(7, 'total', '2026-11', 700, 'estimated'),
  ];
  expect(readingFacts(1, readings, periods)).toEqual({
    accountId: 1,
    current: { meterId: 7, value: 700, source: 'estimated' },
    previousValue: 500,
    metersNow: [7],
    metersBefore: [7],
    // October's use needs September's reading, which is missing; August's is 150.
    history: [undefined, undefined, 150],
  });
});
