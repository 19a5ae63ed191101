import { formComponents, validateFormData, type FormComponent } from './form-validation';

const form: FormComponent[] = [
  { type: 'text', key: undefined },
  { type: 'textfield', key: 'businessKey', label: '申请编号', readonly: true, validate: { required: true } },
  { type: 'checkbox', key: 'inspectionPassed', label: '检验合格' },
  {
    type: 'textarea',
    key: 'rectification',
    label: '整改要求',
    conditional: { hide: '=inspectionPassed = true' },
    validate: { required: true, minLength: 2 },
  },
  { type: 'number', key: 'capacityKva', label: '容量', validate: { required: true, min: 1, max: 100000 } },
  { type: 'select', key: 'lineType', label: '线路类型', values: [{ value: 'overhead' }, { value: 'cable' }] },
  {
    type: 'group',
    label: '联系人',
    components: [{ type: 'textfield', key: 'phone', label: '电话', validate: { pattern: '^1\\d{10}$' } }],
  },
];

test('valid data passes; hidden, read-only and display-only components are not checked', () => {
  expect(validateFormData(form, { inspectionPassed: true, capacityKva: 8, lineType: 'cable' })).toEqual([]);
});

test('each rule names its field in Chinese and English', () => {
  const violations = validateFormData(form, {
    inspectionPassed: false,
    rectification: '',
    capacityKva: '八千瓦',
    lineType: 'underground',
    phone: '12345',
  });
  expect(violations.map((v) => [v.field, v.message])).toEqual([
    ['rectification', '必填 / required'],
    ['capacityKva', '应为数字 / must be a number'],
    ['lineType', '取值应为 overhead、cable 之一 / must be one of overhead, cable'],
    ['phone', '格式不正确 / invalid format'],
  ]);
  expect(validateFormData(form, { inspectionPassed: true, capacityKva: 0 })[0]).toMatchObject({
    label: '容量',
    message: '不能小于 1 / at least 1',
  });
});

test('the schema may come as the JSON string the engine serves', () => {
  expect(formComponents(JSON.stringify({ components: form })).length).toBe(form.length);
  expect(formComponents(undefined)).toEqual([]);
});
