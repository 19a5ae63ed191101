/**
 * Checks submitted task data against the task's Camunda form (form-js schema) on the server, as the form would in
 * a browser: the value's type (text, number, true/false), required fields, lengths (of the trimmed text, as
 * form-js counts them), number ranges, patterns, the options of selects and that a datetime field holds a real
 * date (or date and time). Fields the form hides (FEEL `conditional.hide`), read-only fields and display-only
 * components are not checked. Which keys a submission may hold at all is form-submission.ts's concern.
 *
 * form-js has no rule for "not in the future" or "not before another field", so forms say it with custom
 * properties (the modeler's "Custom properties" group, stored as `properties`; form-js ignores them in the
 * browser): `notInFuture: "true"` and `notBefore: "<variable>"` (a date or instant the value may not precede).
 */
import { evaluate } from 'feelin';
import { chinaDayOf, isDayString } from '../calendar';

export interface FormComponent {
  type: string;
  key?: string;
  label?: string;
  /** datetime fields show these instead of `label`. */
  dateLabel?: string;
  timeLabel?: string;
  /** datetime: date | time | datetime */
  subtype?: string;
  /** Custom properties (string values): notInFuture, notBefore — see above. */
  properties?: Record<string, string>;
  /** The value form-js fills in when the data has none. */
  defaultValue?: unknown;
  readonly?: boolean | string;
  disabled?: boolean | string;
  conditional?: { hide?: string };
  validate?: {
    required?: boolean;
    minLength?: number;
    maxLength?: number;
    min?: number;
    max?: number;
    pattern?: string;
  };
  values?: { value: unknown; label?: string }[];
  components?: FormComponent[];
}

export interface FormViolation {
  field: string;
  label: string;
  message: string;
}

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** A FEEL flag (`=expr`) or a plain boolean; a FEEL expression that fails to evaluate counts as false. */
export function isFlagSet(value: boolean | string | undefined, data: Record<string, unknown>): boolean {
  if (typeof value !== 'string') return value === true;
  const expression = value.startsWith('=') ? value.slice(1) : value;
  return evaluate(expression, data).value === true;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A form value as a point in time: a day ('YYYY-MM-DD', compared as a China day) or an instant (ISO date and
 * time; without an offset it is China time, as form-js's "no timezone" format sends it). Undefined if neither.
 */
export function formTime(value: unknown): { day: string; at?: number } | undefined {
  if (typeof value !== 'string') return undefined;
  if (isDayString(value)) return { day: value };
  const match = DATE_TIME.exec(value);
  if (!match || !isDayString(match[1])) return undefined;
  const at = Date.parse(match[4] ? value : `${value}+08:00`);
  return Number.isNaN(at) ? undefined : { day: chinaDayOf(at), at };
}

/** `a` earlier than `b`: by instant when both have one, else by China day. */
const before = (a: { day: string; at?: number }, b: { day: string; at?: number }): boolean =>
  a.at !== undefined && b.at !== undefined ? a.at < b.at : a.day < b.day;

function checkDateTime(component: FormComponent, value: unknown, data: Record<string, unknown>, now: Date) {
  const subtype = component.subtype ?? 'date';
  if (subtype === 'time') return undefined;
  const time = formTime(value);
  if (!time || (subtype === 'date') !== (time.at === undefined))
    return subtype === 'date'
      ? '应为日期 (YYYY-MM-DD) / must be a date (YYYY-MM-DD)'
      : '应为日期时间 (YYYY-MM-DDTHH:mm) / must be a date and time (YYYY-MM-DDTHH:mm)';
  const properties = component.properties ?? {};
  if (properties.notInFuture === 'true' && before({ day: chinaDayOf(now), at: +now }, time))
    return '不能晚于当前时间 / must not be in the future';
  const earliest = properties.notBefore ? formTime(data[properties.notBefore]) : undefined;
  if (earliest && before(time, earliest))
    return `不能早于 ${properties.notBefore} (${String(data[properties.notBefore!])}) / must not be before ${properties.notBefore}`;
  return undefined;
}

const TEXT_TYPES = new Set(['textfield', 'textarea']);

function check(component: FormComponent, value: unknown, data: Record<string, unknown>, now: Date): string | undefined {
  const rules = component.validate ?? {};
  if (isEmpty(value)) return rules.required ? '必填 / required' : undefined;
  if (component.type === 'datetime') return checkDateTime(component, value, data, now);
  if (component.type === 'checkbox' && typeof value !== 'boolean') return '应为 true 或 false / must be true or false';
  if (TEXT_TYPES.has(component.type) && typeof value !== 'string') return '应为文本 / must be text';
  if (component.type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return '应为数字 / must be a number';
    if (rules.min !== undefined && value < rules.min) return `不能小于 ${rules.min} / at least ${rules.min}`;
    if (rules.max !== undefined && value > rules.max) return `不能大于 ${rules.max} / at most ${rules.max}`;
  }
  if (typeof value === 'string') {
    // form-js counts the characters of the trimmed text.
    const length = value.trim().length;
    if (rules.minLength !== undefined && length < rules.minLength)
      return `至少 ${rules.minLength} 个字符 / at least ${rules.minLength} characters`;
    if (rules.maxLength !== undefined && length > rules.maxLength)
      return `最多 ${rules.maxLength} 个字符 / at most ${rules.maxLength} characters`;
    if (rules.pattern && !new RegExp(rules.pattern).test(value)) return '格式不正确 / invalid format';
  }
  const options = component.values?.map((option) => option.value);
  if (options && ['select', 'radio'].includes(component.type) && !options.includes(value))
    return `取值应为 ${options.join('、')} 之一 / must be one of ${options.join(', ')}`;
  return undefined;
}

/** `now` is the business clock (pinned in tests and demos): "not in the future" is judged against it. */
export function validateFormData(
  components: FormComponent[],
  data: Record<string, unknown>,
  now: Date,
): FormViolation[] {
  const violations: FormViolation[] = [];
  for (const component of components) {
    if (isFlagSet(component.conditional?.hide, data)) continue;
    if (component.components) violations.push(...validateFormData(component.components, data, now));
    if (!component.key || isFlagSet(component.readonly, data) || isFlagSet(component.disabled, data)) continue;
    const message = check(component, data[component.key], data, now);
    const label = component.label ?? component.dateLabel ?? component.timeLabel ?? component.key;
    if (message) violations.push({ field: component.key, label, message });
  }
  return violations;
}

/** The components of a form schema as the engine serves it (a JSON string, or already parsed). */
export function formComponents(schema: unknown): FormComponent[] {
  const parsed = typeof schema === 'string' ? (JSON.parse(schema) as { components?: FormComponent[] }) : schema;
  return (parsed as { components?: FormComponent[] } | undefined)?.components ?? [];
}
