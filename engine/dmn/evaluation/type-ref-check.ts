/**
 * typeRef of inputs, outputs and literal expressions: a value of another type is an evaluation failure. Only
 * the types a JSON variable can hold are checked (string, number and its Camunda 7 aliases, boolean, context,
 * list); null always passes, and other types (dates, durations, custom item definitions) are not checked.
 */
const NUMBER_TYPES = ['number', 'integer', 'long', 'double'];

/** Undefined when the value fits; else a description of what it is, e.g. `the string "abc"`. */
export function checkTypeRef(value: unknown, typeRef: string | undefined): string | undefined {
  if (value === null || value === undefined || !typeRef) return undefined;
  const type = typeRef.trim();
  if (type === 'string' && typeof value !== 'string') return describeValue(value);
  if (NUMBER_TYPES.includes(type) && typeof value !== 'number') return describeValue(value);
  if (type === 'boolean' && typeof value !== 'boolean') return describeValue(value);
  if (type === 'context' && (typeof value !== 'object' || Array.isArray(value))) return describeValue(value);
  if (type === 'list' && !Array.isArray(value)) return describeValue(value);
  return undefined;
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `the list ${shorten(JSON.stringify(value))}`;
  if (typeof value === 'string') return `the string ${shorten(JSON.stringify(value))}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (typeof value === 'object') return `the context ${shorten(JSON.stringify(value) ?? String(value))}`;
  return `a value of type '${typeof value}'`;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
