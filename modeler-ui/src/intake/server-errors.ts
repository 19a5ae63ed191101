/**
 * The server's checks are the authority (decision 0032): a 400's field errors go onto the form's own fields, by
 * the field's path (`customer.idNumber` → ['customer', 'idNumber']); the ones no field on the form shows are
 * returned, for the form's alert.
 */
import type { FormInstance } from 'antd';
import type { FieldError } from '../api/http';

const pathOf = (field: string) => field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
const same = (a: (string | number)[], b: (string | number)[]) => a.join('.') === b.join('.');

export function showServerErrors(form: FormInstance, errors: FieldError[], text: (m: string) => string): FieldError[] {
  const shown = form.getFieldsError().map((field) => field.name);
  const onForm = errors.filter((error) => shown.some((name) => same(name, pathOf(error.field))));
  const byField = new Map<string, string[]>();
  for (const error of onForm) byField.set(error.field, [...(byField.get(error.field) ?? []), text(error.message)]);
  form.setFields([...byField].map(([field, messages]) => ({ name: pathOf(field), errors: messages })));
  return errors.filter((error) => !onForm.includes(error));
}

/** One key per filled-in form: a retry of the same submission (e.g. after a network failure) answers the first case. */
export const newIdempotencyKey = (): string =>
  `web-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
