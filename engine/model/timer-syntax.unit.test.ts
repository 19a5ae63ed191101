import {
  addIsoDuration,
  checkCron,
  nextCronTime,
  parseIsoDate,
  parseIsoDuration,
  parseRepeatingInterval,
  parseTimeCycle,
} from './timer-syntax';

const utc = (text: string) => Date.parse(text);
const zero = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

describe('parseIsoDuration', () => {
  it.each([
    ['P1DT2H', { days: 1, hours: 2 }],
    ['PT0.5S', { seconds: 0.5 }],
    ['PT0,25S', { seconds: 0.25 }],
    ['P2W', { weeks: 2 }],
    ['P1Y2M3W4DT5H6M7S', { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 }],
    ['PT15M', { minutes: 15 }],
    ['PT0S', {}],
    ['-PT1S', { seconds: -1 }],
    ['-P1DT2H', { days: -1, hours: -2 }],
    ['PT-30S', { seconds: -30 }],
    ['pt1h', { hours: 1 }],
  ])('%s', (text, parts) => {
    expect(parseIsoDuration(text)).toEqual({ ...zero, ...parts });
  });

  it.each(['', 'P', 'PT', 'P1DT', '1H', 'PT1.5M', 'P1H', 'PT1H2D', 'P1D 2H', 'R/PT1H', 'P1.5D'])(
    'rejects %p',
    (text) => {
      expect(parseIsoDuration(text)).toBeUndefined();
    },
  );

  it('adds durations calendar-wise in UTC', () => {
    const start = utc('2026-01-31T10:00:00Z');
    expect(addIsoDuration(start, parseIsoDuration('P1M')!)).toBe(utc('2026-02-28T10:00:00Z'));
    expect(addIsoDuration(start, parseIsoDuration('P1DT2H')!)).toBe(utc('2026-02-01T12:00:00Z'));
    expect(addIsoDuration(start, parseIsoDuration('PT0.5S')!)).toBe(start + 500);
    expect(addIsoDuration(start, parseIsoDuration('-PT1S')!)).toBe(start - 1000);
    expect(addIsoDuration(start, parseIsoDuration('P1Y2W')!)).toBe(utc('2027-02-14T10:00:00Z'));
  });
});

describe('parseIsoDate', () => {
  it.each([
    ['2026-01-01T09:00:00Z', '2026-01-01T09:00:00Z'],
    ['2026-01-01T09:00:00.250Z', '2026-01-01T09:00:00.250Z'],
    ['2026-01-01T09:00:00+08:00', '2026-01-01T01:00:00Z'],
    ['2026-01-01T09:00:00-0530', '2026-01-01T14:30:00Z'],
    ['2026-01-01T09:00:00[Asia/Shanghai]', '2026-01-01T01:00:00Z'],
    ['2026-01-01T09:00:00+08:00[Asia/Shanghai]', '2026-01-01T01:00:00Z'],
    ['2026-07-01T12:00:00[Europe/Berlin]', '2026-07-01T10:00:00Z'],
    ['2026-01-01T12:00:00[Europe/Berlin]', '2026-01-01T11:00:00Z'],
    ['2026-01-01T09:00:00', '2026-01-01T09:00:00Z'],
    ['2026-01-01T09:00', '2026-01-01T09:00:00Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00Z'],
  ])('%s', (text, expected) => {
    expect(parseIsoDate(text)).toBe(utc(expected));
  });

  it.each([
    '',
    '2026-01-01',
    '2026-02-30T10:00:00Z',
    '2025-02-29T10:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-01-01T10:00:00+19:00',
    '2026-01-01T10:00:00[Mars/Olympus]',
    'tomorrow',
    '2026-01-01 10:00:00Z',
  ])('rejects %p', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });
});

describe('parseRepeatingInterval', () => {
  it('reads repetitions, an optional start and the duration', () => {
    expect(parseRepeatingInterval('R5/PT10S')).toEqual({ repetitions: 5, duration: { ...zero, seconds: 10 } });
    expect(parseRepeatingInterval('R/PT1H')).toEqual({ repetitions: -1, duration: { ...zero, hours: 1 } });
    expect(parseRepeatingInterval('R3/2026-01-01T00:00:00Z/PT1H')).toEqual({
      repetitions: 3,
      start: utc('2026-01-01T00:00:00Z'),
      duration: { ...zero, hours: 1 },
    });
    expect(parseRepeatingInterval('R0/P1D')?.repetitions).toBe(0);
  });

  it.each(['PT10S', 'R5', 'R5/', 'R-1/PT1S', 'Rx/PT1S', 'R5/10 seconds', 'R3/2026-13-01T00:00:00Z/PT1H', 'R3/a/b/c'])(
    'rejects %p',
    (text) => {
      expect(parseRepeatingInterval(text)).toBeUndefined();
    },
  );
});

describe('cron', () => {
  it('accepts six-field cron expressions and macros', () => {
    expect(checkCron('0 0 9-17 * * MON-FRI')).toBeUndefined();
    expect(checkCron('*/10 * * * * *')).toBeUndefined();
    expect(checkCron('@daily')).toBeUndefined();
  });

  it('rejects other field counts and bad fields', () => {
    expect(checkCron('0 9 * * *')).toMatch(/six fields/);
    expect(checkCron('0 0 9 * * * 2026')).toMatch(/six fields/);
    expect(checkCron('0 0 25 * * *')).toEqual(expect.any(String));
    expect(checkCron('0 0 9 * * FUNDAY')).toEqual(expect.any(String));
  });

  it('computes the next time in UTC', () => {
    // 2026-01-02 is a Friday; the next slot after 17:30 is Monday 09:00.
    expect(nextCronTime('0 0 9-17 * * MON-FRI', utc('2026-01-02T17:30:00Z'))).toBe(utc('2026-01-05T09:00:00Z'));
    expect(nextCronTime('0 0 9-17 * * MON-FRI', utc('2026-01-05T09:00:00Z'))).toBe(utc('2026-01-05T10:00:00Z'));
  });

  it('tells repeating intervals from cron expressions', () => {
    expect(parseTimeCycle('R2/PT1M')).toEqual({ kind: 'interval', repetitions: 2, duration: { ...zero, minutes: 1 } });
    expect(parseTimeCycle('0 0 9-17 * * MON-FRI')).toEqual({ kind: 'cron', expression: '0 0 9-17 * * MON-FRI' });
    expect(parseTimeCycle('R2/nonsense')).toBeUndefined();
    expect(parseTimeCycle('every day')).toBeUndefined();
  });
});
