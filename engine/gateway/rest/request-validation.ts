import type { Variables } from '../../engine-api';
import { invalidArgument } from '../../errors';

/**
 * Readers for JSON request bodies. Each reports a wrong field as INVALID_ARGUMENT naming it, so a bad request
 * becomes a 400 problem before the engine sees it.
 */
export type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The request body as an object; a missing body reads as `{}`. */
export function bodyObject(body: unknown): JsonObject {
  if (body === undefined || body === null) return {};
  if (!isObject(body)) throw invalidArgument('The request body must be a JSON object.');
  return body;
}

/** A key (64-bit, fits a JS number) given as a decimal string or an integer number. */
export function parseKey(value: unknown, name: string): number {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,16}$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw invalidArgument(
      `The ${name} must be a positive integer key (as a string or number), got '${String(value)}'.`,
    );
  }
  return Number(text);
}

export function optionalKey(obj: JsonObject, field: string): number | undefined {
  const value = obj[field];
  return value === undefined || value === null ? undefined : parseKey(value, `field '${field}'`);
}

/** An optional key where -1 (number or string) means none given, as the API's defaults for such keys say. */
export function optionalKeyOrNone(obj: JsonObject, field: string): number | undefined {
  const value = obj[field];
  return value === -1 || value === '-1' ? undefined : optionalKey(obj, field);
}

export function requiredString(obj: JsonObject, field: string): string {
  const value = obj[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidArgument(`The field '${field}' is required and must be a non-empty string.`);
  }
  return value;
}

export function optionalString(obj: JsonObject, field: string): string | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidArgument(`The field '${field}' must be a string.`);
  return value;
}

/** An integer given as a JSON number or a decimal string (int64 values may arrive as strings). */
export function optionalInteger(obj: JsonObject, field: string, min = Number.MIN_SAFE_INTEGER): number | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    throw invalidArgument(`The field '${field}' must be an integer, got ${JSON.stringify(value)}.`);
  }
  if (number < min) throw invalidArgument(`The field '${field}' must be at least ${min}, got ${number}.`);
  return number;
}

export function requiredInteger(obj: JsonObject, field: string, min?: number): number {
  const value = optionalInteger(obj, field, min);
  if (value === undefined) throw invalidArgument(`The field '${field}' is required and must be an integer.`);
  return value;
}

export function optionalBoolean(obj: JsonObject, field: string): boolean | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalidArgument(`The field '${field}' must be a boolean.`);
  return value;
}

export function optionalStringArray(obj: JsonObject, field: string): string[] | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw invalidArgument(`The field '${field}' must be an array of strings.`);
  }
  return value as string[];
}

/** A JSON object of variables; null or absent means none. */
export function optionalVariables(obj: JsonObject, field = 'variables'): Variables | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw invalidArgument(`The field '${field}' must be a JSON object, got ${describe(value)}.`);
  return value;
}

export function optionalObject(obj: JsonObject, field: string): JsonObject | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw invalidArgument(`The field '${field}' must be a JSON object, got ${describe(value)}.`);
  return value;
}

export function optionalArray(obj: JsonObject, field: string): unknown[] | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalidArgument(`The field '${field}' must be an array.`);
  return value;
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'an array' : typeof value === 'string' ? 'a string' : String(typeof value);
}
