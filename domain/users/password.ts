/**
 * Password hashing with scrypt: `scrypt$<N>$<r>$<p>$<salt>$<hash>`, the cost parameters kept with each hash so that
 * they can be raised later; a hash made with other parameters (or the first format, `scrypt$<salt>$<hash>`, made
 * with Node's defaults) still verifies and `needsRehash` tells the sign-in to hash the password again.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** Raise these to make new hashes costlier; stored hashes keep theirs until their owner next signs in. */
export const CURRENT_COST: ScryptCost = { N: 16384, r: 8, p: 1 };
/** Node's scrypt defaults, which the first format used without writing them down. */
const FIRST_FORMAT_COST: ScryptCost = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

const derive = (password: string, salt: string, length: number, cost: ScryptCost): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes; Node refuses more than 32 MiB unless told.
    const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
    scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });

interface StoredHash {
  cost: ScryptCost;
  salt: string;
  hash: Buffer;
}

function parseStored(stored: string): StoredHash | undefined {
  const parts = stored.split('$');
  if (parts[0] !== 'scrypt') return undefined;
  if (parts.length === 3) return { cost: FIRST_FORMAT_COST, salt: parts[1], hash: Buffer.from(parts[2], 'hex') };
  if (parts.length !== 6) return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0)) return undefined;
  return { cost: { N, r, p }, salt: parts[4], hash: Buffer.from(parts[5], 'hex') };
}

export async function hashPassword(password: string, cost: ScryptCost = CURRENT_COST): Promise<string> {
  const salt = randomBytes(16).toString('hex');
  const hash = await derive(password, salt, KEY_LENGTH, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt}$${hash.toString('hex')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed || !parsed.salt || parsed.hash.length === 0) return false;
  const actual = await derive(password, parsed.salt, parsed.hash.length, parsed.cost);
  return timingSafeEqual(parsed.hash, actual);
}

/** True when the hash is in the first format or was made with other cost parameters than the current ones. */
export function needsRehash(stored: string): boolean {
  const parts = stored.split('$');
  return parts.length !== 6 || parts.slice(1, 4).join('$') !== `${CURRENT_COST.N}$${CURRENT_COST.r}$${CURRENT_COST.p}`;
}

/**
 * What an unknown or deactivated login's password is checked against, so that answering it costs the same time as
 * answering a wrong password of a known one. Made once, with the current parameters, from a random password.
 */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));
