/**
 * What a submission of a form may hold, before its values are checked (form-validation.ts): only the keys of the
 * form's input fields, none of them read-only or disabled, every decision field given explicitly; the form's
 * default values fill the fields left out, as form-js fills them when it opens the form.
 *
 * A decision field (custom property `decision: "true"`, e.g. an approval checkbox) decides the case's path: a
 * client that leaves it out, or sends it under another name, must not get the default ("no") silently.
 */
import { isFlagSet, type FormComponent, type FormViolation } from './form-validation';

/** Components whose value is data (not display-only: text, image, spacer, groups without a key). */
const INPUT_TYPES = new Set([
  'textfield',
  'textarea',
  'number',
  'checkbox',
  'checklist',
  'radio',
  'select',
  'taglist',
  'datetime',
]);

/** Every input field of a form, groups flattened, hidden ones included (a hide rule depends on the data). */
export function formInputFields(components: FormComponent[]): FormComponent[] {
  return components.flatMap((component) => [
    ...(component.key && INPUT_TYPES.has(component.type) ? [component] : []),
    ...formInputFields(component.components ?? []),
  ]);
}

const labelOf = (field: FormComponent): string =>
  field.label ?? field.dateLabel ?? field.timeLabel ?? field.key ?? field.type;

const isDecision = (field: FormComponent): boolean => field.properties?.decision === 'true';

/**
 * The violations of a submission's keys: a key that is not a field of the form, a read-only or disabled field
 * (judged on `data`, the task's variables with the submitted ones over them), a decision field left out.
 */
export function checkSubmittedKeys(
  components: FormComponent[],
  submitted: Record<string, unknown>,
  data: Record<string, unknown>,
): FormViolation[] {
  const fields = new Map(formInputFields(components).map((field) => [field.key!, field]));
  const violations: FormViolation[] = [];
  for (const key of Object.keys(submitted)) {
    const field = fields.get(key);
    if (!field)
      violations.push({
        field: key,
        label: key,
        message: '不是本表单的字段，不能提交 / not a field of this form: leave it out',
      });
    else if (isFlagSet(field.readonly, data) || isFlagSet(field.disabled, data))
      violations.push({
        field: key,
        label: labelOf(field),
        message: '只读字段，不能修改 / read-only on this form: leave it out',
      });
  }
  for (const field of fields.values())
    if (isDecision(field) && !(field.key! in submitted) && !isFlagSet(field.conditional?.hide, data))
      violations.push({
        field: field.key!,
        label: labelOf(field),
        message: '必须明确填写（是或否） / must be given explicitly (true or false)',
      });
  return violations;
}

/**
 * The submission with the form's default values for the editable fields neither submitted nor already set on the
 * task (decision fields never get one: see above).
 */
export function withFormDefaults(
  components: FormComponent[],
  submitted: Record<string, unknown>,
  existing: Record<string, unknown>,
): Record<string, unknown> {
  const result = { ...submitted };
  for (const field of formInputFields(components)) {
    const key = field.key!;
    if (field.defaultValue === undefined || isDecision(field) || key in result || existing[key] !== undefined) continue;
    const data = { ...existing, ...result };
    if ([field.readonly, field.disabled, field.conditional?.hide].some((rule) => isFlagSet(rule, data))) continue;
    result[key] = field.defaultValue;
  }
  return result;
}
