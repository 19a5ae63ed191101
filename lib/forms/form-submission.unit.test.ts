import { checkSubmittedKeys, withFormDefaults } from './form-submission';
import { validateFormData, type FormComponent } from './form-validation';

const form: FormComponent[] = [
  { type: 'text' },
  { type: 'textfield', key: 'businessKey', label: '申请编号', readonly: true },
  { type: 'checkbox', key: 'approved', label: '通过', defaultValue: false, properties: { decision: 'true' } },
  { type: 'textarea', key: 'reason', label: '原因', conditional: { hide: '=approved != false' } },
  { type: 'select', key: 'lineType', label: '线路', defaultValue: 'cable', values: [{ value: 'cable' }] },
  { type: 'textfield', key: 'locked', label: '锁定', disabled: '=approved = true' },
  { type: 'group', components: [{ type: 'number', key: 'reading', label: '读数', defaultValue: 0 }] },
];

const fields = (violations: { field: string }[]) => violations.map((violation) => violation.field);

test('only editable keys of the form; a decision field must be sent', () => {
  expect(checkSubmittedKeys(form, { approved: true, lineType: 'cable', reading: 3 }, { approved: true })).toEqual([]);
  const submitted = { approved: true, other: 1, businessKey: 'YK1', locked: 'x' };
  expect(fields(checkSubmittedKeys(form, submitted, submitted))).toEqual(['other', 'businessKey', 'locked']);
  expect(fields(checkSubmittedKeys(form, { lineType: 'cable' }, {}))).toEqual(['approved']);
  // A disabled rule that does not hold leaves the field editable.
  expect(checkSubmittedKeys(form, { approved: false, locked: 'x' }, { approved: false })).toEqual([]);
});

test('defaults fill fields neither sent nor set, never a decision and never a hidden or read-only field', () => {
  expect(withFormDefaults(form, { approved: true }, {})).toEqual({ approved: true, lineType: 'cable', reading: 0 });
  expect(withFormDefaults(form, { approved: true }, { reading: 7 })).toEqual({ approved: true, lineType: 'cable' });
  expect(withFormDefaults(form, {}, {})).not.toHaveProperty('approved');
});

test('values are typed as the form says, lengths count the trimmed text', () => {
  const now = new Date('2026-12-07T02:00:00Z');
  const typed: FormComponent[] = [
    { type: 'checkbox', key: 'ok' },
    { type: 'textarea', key: 'note', validate: { minLength: 2, maxLength: 4 } },
    { type: 'number', key: 'n' },
  ];
  expect(validateFormData(typed, { ok: true, note: '  好的  ', n: 1 }, now)).toEqual([]);
  expect(fields(validateFormData(typed, { ok: 'yes', note: 12, n: '1' }, now))).toEqual(['ok', 'note', 'n']);
  expect(validateFormData(typed, { note: ' 好 ' }, now)[0].message).toContain('至少 2');
});
