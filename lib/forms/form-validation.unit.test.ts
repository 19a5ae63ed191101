import { formComponents, validateFormData, type FormComponent } from './form-validation';

const NOW = new Date('2026-12-07T02:00:00Z'); // 10:00 China time

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
  expect(validateFormData(form, { inspectionPassed: true, capacityKva: 8, lineType: 'cable' }, NOW)).toEqual([]);
});

test('each rule names its field in Chinese and English', () => {
  const violations = validateFormData(
    form,
    {
      inspectionPassed: false,
      rectification: '',
      capacityKva: '八千瓦',
      lineType: 'underground',
      phone: '12345',
    },
    NOW,
  );
  expect(violations.map((v) => [v.field, v.message])).toEqual([
    ['rectification', '必填 / required'],
    ['capacityKva', '应为数字 / must be a number'],
    ['lineType', '取值应为 overhead、cable 之一 / must be one of overhead, cable'],
    ['phone', '格式不正确 / invalid format'],
  ]);
  expect(validateFormData(form, { inspectionPassed: true, capacityKva: 0 }, NOW)[0]).toMatchObject({
    label: '容量',
    message: '不能小于 1 / at least 1',
  });
});

test('the schema may come as the JSON string the engine serves', () => {
  expect(formComponents(JSON.stringify({ components: form })).length).toBe(form.length);
  expect(formComponents(undefined)).toEqual([]);
});

describe('datetime fields', () => {
  const dates: FormComponent[] = [
    {
      type: 'datetime',
      key: 'signedOn',
      dateLabel: '签订日期',
      subtype: 'date',
      properties: { notInFuture: 'true' },
      validate: { required: true },
    },
    {
      type: 'datetime',
      key: 'arrivedAt',
      dateLabel: '到达日期',
      subtype: 'datetime',
      properties: { notInFuture: 'true', notBefore: 'dispatchedAt' },
    },
  ];
  const messages = (data: Record<string, unknown>) =>
    validateFormData(dates, data, NOW).map((v) => `${v.field} ${v.label}: ${v.message}`);

  test('a real date (or date and time) up to now passes', () => {
    expect(messages({ signedOn: '2026-12-07' })).toEqual([]);
    expect(messages({ signedOn: '2026-02-28', arrivedAt: '2026-12-07T09:59' })).toEqual([]);
    expect(
      messages({ signedOn: '2026-12-01', arrivedAt: '2026-12-07T01:30:00Z', dispatchedAt: '2026-12-07T01:00:00Z' }),
    ).toEqual([]);
  });

  test('a non-date, an impossible date, a date in the wrong form and a future date are refused, by name', () => {
    expect(messages({ signedOn: 'yesterday' })).toEqual([
      'signedOn 签订日期: 应为日期 (YYYY-MM-DD) / must be a date (YYYY-MM-DD)',
    ]);
    expect(messages({ signedOn: '2026-02-30' })[0]).toContain('must be a date');
    expect(messages({ signedOn: '2026-12-07T08:00:00Z' })[0]).toContain('must be a date');
    expect(messages({ signedOn: 20261201 })[0]).toContain('must be a date');
    expect(messages({ signedOn: '2026-12-08' })).toEqual([
      'signedOn 签订日期: 不能晚于当前时间 / must not be in the future',
    ]);
    expect(messages({ signedOn: '2026-12-07', arrivedAt: '2026-12-07' })[0]).toContain('must be a date and time');
    // 10:01 China time is one minute after NOW.
    expect(messages({ signedOn: '2026-12-07', arrivedAt: '2026-12-07T10:01' })[0]).toContain(
      'must not be in the future',
    );
  });

  test('notBefore compares with the named variable', () => {
    const early = { signedOn: '2026-12-07', arrivedAt: '2026-12-07T00:59:00Z', dispatchedAt: '2026-12-07T01:00:00Z' };
    expect(messages(early)).toEqual([
      'arrivedAt 到达日期: 不能早于 dispatchedAt (2026-12-07T01:00:00Z) / must not be before dispatchedAt',
    ]);
  });
});
