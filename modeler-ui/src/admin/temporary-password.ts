/**
 * A temporary password for a new user or a reset: 12 letters and digits from the browser's secure random source,
 * at least one of each (the API's policy: 10 or more, letters and digits; it never contains a login, which has
 * no such run of random characters). Look-alikes (0/O, 1/l/I) are left out: it is read out to the user.
 */
const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

export function temporaryPassword(): string {
  const pick = (from: string, n: number) =>
    [...crypto.getRandomValues(new Uint32Array(n))].map((value) => from[value % from.length]).join('');
  const chars = [...pick(LETTERS, 8), ...pick(DIGITS, 4)];
  // Shuffle so digits are not always at the end.
  const order = crypto.getRandomValues(new Uint32Array(chars.length));
  return chars
    .map((char, i) => [order[i], char] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, char]) => char)
    .join('');
}
