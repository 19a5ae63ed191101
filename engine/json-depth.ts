/**
 * How deep JSON may nest where the engine takes it in. Storing, copying, validating and evaluating variables and
 * request bodies walk them recursively, and JSON nested some thousands deep overflows the stack there (an INTERNAL
 * error, or worse); no business document comes near these limits.
 */
export const MAX_VARIABLE_DEPTH = 100;
/** A REST body holds a variables document a few levels down (e.g. `filter.variables[0].value`). */
export const MAX_REST_BODY_DEPTH = MAX_VARIABLE_DEPTH + 10;

/** Whether `value` nests arrays and objects deeper than `limit`, found without recursion (the point of the check). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const inner of Object.values(current)) stack.push([inner, depth + 1]);
  }
  return false;
}
