/**
 * Money arithmetic of the tariff: amounts in integer fen, prices in 元 as the tariff states them (up to six
 * decimals), quantities up to four decimals. Products are taken exactly (BigInt on scaled integers) and each line is
 * rounded once, to the fen, half away from zero (四舍五入; decision 0052), so a bill never depends on float error.
 */

const QUANTITY_SCALE = 10_000n; // four decimals of kWh, kVA·day …
const PRICE_SCALE = 1_000_000n; // six decimals of 元
const FEN_PER_YUAN = 100n;

const scaled = (value: number, scale: bigint): bigint => BigInt(Math.round(value * Number(scale)));

/** `numerator / denominator` to the nearest integer, halves away from zero. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (n * 2n + d) / (d * 2n);
  return negative ? -rounded : rounded;
}

/** quantity × price (元) × numerator / denominator, in fen, rounded once. */
export function lineFen(quantity: number, unitPrice: number, numerator = 1, denominator = 1): number {
  const product = scaled(quantity, QUANTITY_SCALE) * scaled(unitPrice, PRICE_SCALE) * FEN_PER_YUAN * BigInt(numerator);
  return Number(divideRounded(product, QUANTITY_SCALE * PRICE_SCALE * BigInt(denominator)));
}

/** `percent` % of an amount in fen (a power-factor adjustment), rounded once. Percent up to four decimals. */
export function percentOfFen(amountFen: number, percent: number): number {
  return Number(divideRounded(BigInt(amountFen) * scaled(percent, QUANTITY_SCALE), 100n * QUANTITY_SCALE));
}

/** A price derived from another by a ratio (peak = flat × 1.72), kept to the six decimals a price has. */
export const derivedPrice = (price: number, ...ratios: number[]): number =>
  Number(
    ratios.reduce(
      (value, ratio) => divideRounded(value * scaled(ratio, PRICE_SCALE), PRICE_SCALE),
      scaled(price, PRICE_SCALE),
    ),
  ) / Number(PRICE_SCALE);
