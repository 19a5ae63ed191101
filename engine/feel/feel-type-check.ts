/** Checks an evaluated (JSON) FEEL result against the type the caller expects, with Zeebe's message. */
import type { FeelResult, FeelResultType } from './feel-api';

export function checkResultType(expression: string, value: unknown, expected: FeelResultType): FeelResult {
  const actual = typeName(value);
  if (matches(actual, expected)) return { ok: true, value };
  const wanted = expected === 'STRING_OR_NUMBER' ? "one of '[STRING, NUMBER]'" : `'${expected}'`;
  return {
    ok: false,
    message: `Expected result of the expression '${expression}' to be ${wanted}, but was '${actual}'.`,
  };
}

function matches(actual: string, expected: FeelResultType): boolean {
  if (expected === 'ANY') return true;
  if (expected === 'STRING_OR_NUMBER') return actual === 'STRING' || actual === 'NUMBER';
  return actual === expected;
}

/** Zeebe's names for JSON types. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return 'ARRAY';
  switch (typeof value) {
    case 'string':
      return 'STRING';
    case 'number':
      return Number.isFinite(value) ? 'NUMBER' : 'NULL';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return 'OBJECT';
  }
}
