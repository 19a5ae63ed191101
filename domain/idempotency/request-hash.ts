/** The fingerprint of a request under an idempotency key: its scope and its body, object keys in sorted order. */
import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  return value;
}

export const requestHash = (scope: string, body: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify([scope, canonical(body ?? null)]))
    .digest('hex');
