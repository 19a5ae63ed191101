/**
 * Parses request input with a zod schema; a failure becomes a 400 naming each bad field.
 */
import type { ZodType, ZodTypeDef } from 'zod';
import { validationError } from '../errors/app-error';
import './zh-error-map';

export function parseInput<T>(schema: ZodType<T, ZodTypeDef, unknown>, input: unknown, what = '请求'): T {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || '(body)',
    message: issue.message,
  }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  throw validationError(`${what}参数不正确 / invalid input — ${summary}`, fields);
}

/** A positive integer id from a route parameter. */
export function parseId(value: unknown, what: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0)
    throw validationError(`${what}编号不正确 / invalid ${what} id: ${String(value)}`);
  return id;
}
