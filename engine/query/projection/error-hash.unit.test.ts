import { errorHashCode } from './error-hash';

// Values Java's String.hashCode gives for the same strings.
test.each([
  ['', 0],
  ['a', 97],
  ['hello', 99162322],
  ['Hello World', -862545276],
])('hashes %j as Java does: %d', (message, expected) => {
  expect(errorHashCode(message)).toBe(expected);
});

test('counts UTF-16 code units, so a message in Chinese hashes as in Java', () => {
  // '任务' is U+4EFB U+52A1: 31 * 0x4EFB + 0x52A1.
  expect(errorHashCode('任务')).toBe(31 * 0x4efb + 0x52a1);
});
