/**
 * Reading the gateway's wire values: int64 strings, JSON-string fields, tenant ids and required strings. Every
 * rejection is an EngineError, so the error mapper turns it into the right gRPC status.
 */
import { DEFAULT_TENANT } from '../../engine-api';
import { invalidArgument, notFound } from '../../errors';
import type { Int64 } from './proto-types';

const INTEGER = /^-?\d+$/;

/** An int64 field as a JS number; throws INVALID_ARGUMENT if it is not an integer within the safe range. */
export function parseInt64(value: Int64 | number, field: string): number {
  const text = String(value ?? '0').trim();
  const parsed = INTEGER.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(parsed)) {
    throw invalidArgument(`Expected ${field} to be an integer, but was '${text}'`);
  }
  return parsed;
}

/**
 * A key: engine keys fit in a JS number, so a larger one cannot name anything here (NOT_FOUND); a value that is
 * not an integer at all is INVALID_ARGUMENT.
 */
export function parseKey(value: Int64 | number, field: string): number {
  const text = String(value ?? '0').trim();
  if (!INTEGER.test(text)) {
    throw invalidArgument(`Expected ${field} to be an integer key, but was '${text}'`);
  }
  const parsed = Number(text);
  if (!Number.isSafeInteger(parsed)) {
    throw notFound(`Expected to find an entity with ${field} '${text}', but no such key exists`);
  }
  return parsed;
}

/** A key rendered for an int64 field. */
export function formatInt64(key: number): Int64 {
  return String(key);
}

/** A JSON-string field; empty means absent. The engine decides whether the parsed value is acceptable. */
export function parseJsonField(value: string | undefined, field: string): unknown {
  if (value === undefined || value.trim() === '') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch (err) {
    throw invalidArgument(
      `Expected ${field} to be a valid JSON document, but it could not be parsed: ${(err as Error).message}`,
    );
  }
}

export function requireNonBlank(value: string | undefined, field: string, rpc: string): string {
  if (value === undefined || value.trim() === '') {
    throw invalidArgument(`Expected ${rpc} ${field} to be present and not blank, but it was blank`);
  }
  return value;
}

/** Multi-tenancy is disabled: only the default tenant (or none given) is accepted. Returns the tenant to echo. */
export function checkTenant(tenantId: string | undefined, rpc: string): string {
  if (tenantId === undefined || tenantId === '' || tenantId === DEFAULT_TENANT) return DEFAULT_TENANT;
  throw invalidArgument(
    `Expected to handle gRPC request ${rpc} with tenant identifier '${tenantId}', but multi-tenancy is disabled`,
  );
}

export function checkTenants(tenantIds: string[] | undefined, rpc: string): string[] {
  for (const tenantId of tenantIds ?? []) checkTenant(tenantId, rpc);
  return [DEFAULT_TENANT];
}
