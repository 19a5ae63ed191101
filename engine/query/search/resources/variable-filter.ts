import { invalidArgument } from '../../../errors';
import { valuePrefix } from '../../projection/projection-tables';
import { addFieldFilter, Where, type FilterSpec } from '../filter-sql';

/**
 * A `variables` filter ([{ name, value }], value a JSON-serialized value or a string filter): rows whose
 * `column` is among the `selected` column of matching variables, narrowed by `scope` (e.g. process-level only).
 * Equality uses the (name, value prefix) index, so "instances with variable X = value" is a range scan.
 */
export function variablesFilter(field: string, column: string, selected: string, scope = ''): FilterSpec {
  return {
    custom: (value, where) => {
      if (!Array.isArray(value)) throw invalidArgument(`The filter '${field}' must be an array of { name, value }.`);
      value.forEach((entry: unknown, i) => {
        const { name, value: expected } = (entry ?? {}) as Record<string, unknown>;
        if (typeof name !== 'string' || expected === undefined) {
          throw invalidArgument(`The filter '${field}[${i}]' needs a name (string) and a value.`);
        }
        const sub = new Where();
        sub.add('v.name = ?', name);
        if (typeof expected === 'string')
          sub.add('v.value_prefix = ? AND v.value = ?', valuePrefix(expected), expected);
        else addFieldFilter(sub, `${field}[${i}].value`, { column: 'v.value', kind: 'string' }, expected);
        if (scope) sub.add(scope);
        where.add(`${column} IN (SELECT v.${selected} FROM engine_q_variables v${sub.sql()})`, ...sub.params);
      });
    },
  };
}
