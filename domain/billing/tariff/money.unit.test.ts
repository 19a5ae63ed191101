import { derivedPrice, lineFen, percentOfFen } from './money';

test('a line is rounded once, to the fen, halves away from zero', () => {
  expect(lineFen(1, 0.005)).toBe(1); // 0.5 fen → 1
  expect(lineFen(1, 0.004999)).toBe(0);
  expect(lineFen(3, 0.335)).toBe(101); // 100.5 fen → 101, though 3 × 0.335 is 1.0049999… in floating point
  expect(-lineFen(630, 28, 20, 30)).toBe(-1_176_000);
  expect(lineFen(10, 28, 1, 3)).toBe(9_333); // 93.333… 元
  expect(percentOfFen(1_001, -0.75)).toBe(-8); // −7.5075 fen
  expect(percentOfFen(-150, 1)).toBe(-2); // −1.5 fen: away from zero, as a positive one would be
});

test('a derived price keeps six decimals', () => {
  expect(derivedPrice(0.6, 1.72)).toBe(1.032);
  expect(derivedPrice(0.6, 1.72, 1.2)).toBe(1.2384);
  expect(derivedPrice(0.3333, 1.72)).toBe(0.573276);
});
