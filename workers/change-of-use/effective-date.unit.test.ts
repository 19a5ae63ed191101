import { effectiveDay } from './effective-date-worker';

test('requested: the day asked for, but never before the site work', () => {
  expect(effectiveDay('requested', '2026-12-15', '2026-12-07')).toBe('2026-12-15');
  expect(effectiveDay('requested', '2026-12-15', '2026-12-18')).toBe('2026-12-18');
  expect(effectiveDay('requested', '2026-12-15', '2026-12-15')).toBe('2026-12-15');
});

test('site-work: the day the crew did the work, whatever was asked', () => {
  expect(effectiveDay('site-work', '2026-12-15', '2026-12-07')).toBe('2026-12-07');
  expect(effectiveDay('site-work', '2026-12-15', '2026-12-18')).toBe('2026-12-18');
});

test('an unknown rule is a model error', () => {
  expect(() => effectiveDay('sealing', '2026-12-15', '2026-12-07')).toThrow(/effectiveFrom/);
});
