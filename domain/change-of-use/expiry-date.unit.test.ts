import { voltageKv } from './change-types';
import { addMonths, expiryAfter } from './expiry';

test('months are added to a day, clamped to the end of a shorter month', () => {
  expect(addMonths('2026-11-20', 2)).toBe('2027-01-20');
  expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
});

test('voltage levels are compared in kV', () => {
  expect(voltageKv('10kV')).toBe(10);
  expect(voltageKv('380V')).toBeCloseTo(0.38);
  expect(voltageKv('35kV')).toBe(35);
});

test('an expiry is 00:00 China time of the day months later, from a day or from an earlier expiry', () => {
  expect(expiryAfter('2026-11-25', 6).toISOString()).toBe('2027-05-24T16:00:00.000Z');
  expect(expiryAfter(new Date('2027-05-24T16:00:00.000Z'), 3).toISOString()).toBe('2027-08-24T16:00:00.000Z');
});
