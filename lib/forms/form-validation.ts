/**
 * Checks submitted task data against the task's Camunda form (form-js schema) on the server, as the form would in
 * a browser: required fields, lengths, number ranges, patterns and the options of selects. Fields the form hides
 * (FEEL `conditional.hide`), read-only fields and display-only components are not checked.
 */
import { evaluate } from 'feelin';

export interface FormComponent {
  type: string;
  key?: string;
  label?: string;
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
function flag(value: boolean | string | undefined, data: Record<string, unknown>): boolean {
  if (typeof value !== 'string') return value === true;
  const expression = value.startsWith('=') ? value.slice(1) : value;
  return evaluate(expression, data).value === true;
}

function check(component: FormComponent, value: unknown): string | undefined {
  const rules = component.validate ?? {};
  if (isEmpty(value)) return rules.required ? '必填 / required' : undefined;
  if (component.type === 'number') {
    const number = typeof value === 'number' ? value : Number(value);
    if (typeof value === 'boolean' || !Number.isFinite(number)) return '应为数字 / must be a number';
    if (rules.min !== undefined && number < rules.min) return `不能小于 ${rules.min} / at least ${rules.min}`;
    if (rules.max !== undefined && number > rules.max) return `不能大于 ${rules.max} / at most ${rules.max}`;
  }
  if (typeof value === 'string') {
    if (rules.minLength !== undefined && value.length < rules.minLength)
      return `至少 ${rules.minLength} 个字符 / at least ${rules.minLength} characters`;
    if (rules.maxLength !== undefined && value.length > rules.maxLength)
      return `最多 ${rules.maxLength} 个字符 / at most ${rules.maxLength} characters`;
    if (rules.pattern && !new RegExp(rules.pattern).test(value)) return '格式不正确 / invalid format';
  }
  const options = component.values?.map((option) => option.value);
  if (options && ['select', 'radio'].includes(component.type) && !options.includes(value))
    return `取值应为 ${options.join('、')} 之一 / must be one of ${options.join(', ')}`;
  return undefined;
}

export function validateFormData(components: FormComponent[], data: Record<string, unknown>): FormViolation[] {
  const violations: FormViolation[] = [];
  for (const component of components) {
    if (flag(component.conditional?.hide, data)) continue;
    if (component.components) violations.push(...validateFormData(component.components, data));
    if (!component.key || flag(component.readonly, data) || flag(component.disabled, data)) continue;
    const message = check(component, data[component.key]);
    if (message) violations.push({ field: component.key, label: component.label ?? component.key, message });
  }
  return violations;
}

/** The components of a form schema as the engine serves it (a JSON string, or already parsed). */
export function formComponents(schema: unknown): FormComponent[] {
  const parsed = typeof schema === 'string' ? (JSON.parse(schema) as { components?: FormComponent[] }) : schema;
  return (parsed as { components?: FormComponent[] } | undefined)?.components ?? [];
}
