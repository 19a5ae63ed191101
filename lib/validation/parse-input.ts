/**
 * Parses request input with a zod schema; a failure becomes a 400 naming each bad field (an unknown field by its
 * own name).
 */
import type { AnyZodObject, ZodIssue, ZodType, ZodTypeDef, z } from 'zod';
import { validationError } from '../errors/app-error';
import './zh-error-map';

function fieldsOf(issue: ZodIssue): Array<{ field: string; message: string }> {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: '未知字段 / unknown field' }));
  return [{ field: issue.path.join('.') || '(body)', message: issue.message }];
}

export function parseInput<T>(schema: ZodType<T, ZodTypeDef, unknown>, input: unknown, what = '请求'): T {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.flatMap(fieldsOf);
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  throw validationError(`${what}参数不正确 / invalid input — ${summary}`, fields);
}

/**
 * A list route's query: a parameter the schema does not know (a misspelt filter) is a 400 naming it, never quietly
 * ignored so that the list looks unfiltered.
 */
export function parseQuery<S extends AnyZodObject>(schema: S, query: unknown, what = '查询'): z.infer<S> {
  return parseInput(schema.strict(), query, what) as z.infer<S>;
}

/** A positive integer id from a route parameter. */
export function parseId(value: unknown, what: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0)
    throw validationError(`${what}编号不正确 / invalid ${what} id: ${String(value)}`);
  return id;
}
