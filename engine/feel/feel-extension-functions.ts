/**
 * The few pieces of the Zeebe FEEL dialect (feel-scala's Camunda extensions) that models commonly use and
 * feelin lacks. They are passed to feelin as context entries, so the parser knows their names too.
 */
import { FeelDuration, FeelFunction } from 'feelin';

/** feelin's Camunda dialect: backtick names such as `` `order total` ``, as feel-scala accepts them. */
export const FEEL_DIALECT = 'camunda';

/** `cycle(duration)` → "R/P7D"; `cycle(3, duration)` → "R3/PT1H" (for timer cycles). */
function cycle(first: unknown, second?: unknown): string | null {
  const [repetitions, interval] = second === undefined || second === null ? [undefined, first] : [first, second];
  if (!(interval instanceof FeelDuration)) return null;
  if (repetitions !== undefined && (typeof repetitions !== 'number' || !Number.isInteger(repetitions))) return null;
  return `R${repetitions ?? ''}/${interval.iso}`;
}

export const feelExtensionFunctions: Readonly<Record<string, FeelFunction>> = {
  'is defined': new FeelFunction((value: unknown) => value !== null && value !== undefined, ['value']),
  'get or else': new FeelFunction(
    (value: unknown, defaultValue: unknown) => (value === null || value === undefined ? defaultValue : value),
    ['value', 'default'],
  ),
  cycle: new FeelFunction(cycle, ['repetitions', 'interval']),
  'is empty': new FeelFunction((list: unknown) => (Array.isArray(list) ? list.length === 0 : null), ['list']),
  trim: new FeelFunction((text: unknown) => (typeof text === 'string' ? text.trim() : null), ['string']),
  'is blank': new FeelFunction((text: unknown) => (typeof text === 'string' ? text.trim() === '' : null), ['string']),
};
