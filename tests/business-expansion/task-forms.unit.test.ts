/**
 * Every 业扩 user task's form against what completing the task needs: the variables the end-to-end tests complete
 * it with (plus those the process already holds) must be fields of the form that its validation accepts, every
 * field the form requires must be given, labels are Chinese, numbers are bounded and dates typed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONTRACT_SIGNED,
  DESIGN_APPROVED,
  DESIGN_REJECTED,
  ENERGIZED,
  INSPECTION_FAILED,
  INSPECTION_PASSED,
  METER_INSTALLED,
  MID_INSPECTION_OK,
  SCHEME_APPROVED,
  SCHEME_HV,
  SCHEME_HV_DUAL,
  SCHEME_LV,
  SURVEY_INCOMPLETE,
  SURVEY_OK,
} from './business-expansion-kit';

type Vars = Record<string, unknown>;
interface Field {
  type: string;
  key?: string;
  label?: string;
  readonly?: boolean;
  subtype?: string;
  use24h?: boolean;
  decimalDigits?: number;
  values?: { value: string }[];
  conditional?: { hide?: string };
  validate?: {
    required?: boolean;
    min?: number;
    max?: number;
    minLength?: number;
    maxLength?: number;
    pattern?: string;
  };
}

const DIR = join(__dirname, '../../bpmn/business-expansion');
const HELD = { businessKey: 'BE1', capacityKva: 200, dualSource: false, address: '上海市', contractNo: 'HT1' };
const SCHEME_DEFAULTS = { supplyVoltage: '380V', meteringMethod: '低压直接计量', billingMethod: 'single-part' };

/** Per task, each way the tests complete it: the variables given, and those the process already holds. */
const COMPLETIONS: Record<string, { held?: Vars; given: Vars }[]> = {
  survey: [{ given: SURVEY_OK }, { given: SURVEY_INCOMPLETE }],
  'supply-scheme': [
    { held: SCHEME_DEFAULTS, given: SCHEME_LV },
    { held: SCHEME_DEFAULTS, given: { ...SCHEME_HV, supplyVoltage: '10kV' } },
    { held: { ...SCHEME_DEFAULTS, dualSource: true }, given: { ...SCHEME_HV_DUAL, supplyVoltage: '20kV' } },
  ],
  'scheme-approval': [
    { given: SCHEME_APPROVED },
    { given: { schemeApproved: false, approvalComment: '电源点负载率过高' } },
  ],
  'design-review': [{ given: DESIGN_APPROVED }, { given: DESIGN_REJECTED }],
  'mid-inspection': [{ given: MID_INSPECTION_OK }],
  'completion-inspection': [{ given: INSPECTION_PASSED }, { given: INSPECTION_FAILED }],
  'sign-contract': [{ given: CONTRACT_SIGNED }],
  'install-meter': [{ given: METER_INSTALLED }],
  energization: [{ given: ENERGIZED }],
};

/** user task id → form id, over every 业扩 process. */
function taskForms(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of readdirSync(DIR).filter((name) => name.endsWith('.bpmn'))) {
    const xml = readFileSync(join(DIR, file), 'utf8');
    for (const [, id, body] of xml.matchAll(/<bpmn:userTask id="([^"]+)"[^>]*>([\s\S]*?)<\/bpmn:userTask>/g)) {
      found.set(id, /formId="([^"]+)"/.exec(body)?.[1] ?? '(none)');
    }
  }
  return found;
}

const fieldsOf = (formId: string): Field[] =>
  (JSON.parse(readFileSync(join(DIR, 'forms', `${formId}.form`), 'utf8')).components as Field[]).filter((c) => c.key);

/** The only conditions the forms use: `=flag = true` / `=flag != true`. */
function hidden(field: Field, values: Vars): boolean {
  if (!field.conditional?.hide) return false;
  const match = /^=(\w+) (=|!=) true$/.exec(field.conditional.hide);
  if (!match) throw new Error(`unsupported condition ${field.conditional.hide}`);
  return (values[match[1]] === true) === (match[2] === '=');
}

/** Why the form would refuse `value` for `field`, or undefined. */
function refusal(field: Field, value: unknown): string | undefined {
  const rule = field.validate ?? {};
  if (field.type === 'checkbox') return typeof value === 'boolean' ? undefined : 'not a boolean';
  if (field.type === 'number') {
    if (typeof value !== 'number') return 'not a number';
    if (rule.min !== undefined && value < rule.min) return `below ${rule.min}`;
    if (rule.max !== undefined && value > rule.max) return `above ${rule.max}`;
    return undefined;
  }
  if (typeof value !== 'string') return 'not a string';
  if (field.type === 'select') return field.values?.some((v) => v.value === value) ? undefined : 'not an option';
  if (field.type === 'datetime' && field.subtype === 'date')
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? undefined : 'date';
  if (field.type === 'datetime') return Number.isNaN(Date.parse(value)) ? 'not a date-time' : undefined;
  if (rule.minLength !== undefined && value.length < rule.minLength) return 'too short';
  if (rule.maxLength !== undefined && value.length > rule.maxLength) return 'too long';
  if (rule.pattern && !new RegExp(rule.pattern).test(value)) return `not ${rule.pattern}`;
  return undefined;
}

const tasks = [...taskForms()];

test('every user task has a form and a known completion', () => {
  expect(tasks.length).toBeGreaterThan(0);
  for (const [task, formId] of tasks) {
    expect({ task, formId, known: task in COMPLETIONS }).toEqual({
      task,
      formId: expect.stringMatching(/^be-/),
      known: true,
    });
  }
});

test.each(tasks)('%s: the form takes and requires what completing the task needs', (task, formId) => {
  const fields = fieldsOf(formId);
  const ways = COMPLETIONS[task];
  for (const field of fields) {
    expect({ key: field.key, label: /[\u4e00-\u9fff]/.test(field.label ?? '') }).toEqual({
      key: field.key,
      label: true,
    });
    if (field.type === 'number' && !field.readonly)
      expect({ key: field.key, min: field.validate?.min }).toEqual({ key: field.key, min: expect.any(Number) });
    if (field.type === 'datetime')
      expect({ key: field.key, subtype: field.subtype }).toEqual({
        key: field.key,
        subtype: expect.stringMatching(/^date(time)?$/),
      });
    // A time of day on the 24-hour clock, as Chinese users write it (form-js otherwise shows AM/PM).
    if (field.type === 'datetime' && field.subtype === 'datetime')
      expect({ key: field.key, use24h: field.use24h }).toEqual({ key: field.key, use24h: true });
  }
  for (const { held = {}, given } of ways) {
    const values: Vars = { ...HELD, ...held, ...given };
    const editable = new Map(fields.filter((f) => !f.readonly && !hidden(f, values)).map((f) => [f.key, f]));
    for (const [key, value] of Object.entries(given)) {
      const field = editable.get(key);
      expect({ key, field: field?.type ?? 'missing', refusal: field && refusal(field, value) }).toEqual({
        key,
        field: expect.not.stringMatching(/^missing$/),
        refusal: undefined,
      });
    }
    const missing = [...editable.values()].filter((f) => f.validate?.required && !(f.key! in values)).map((f) => f.key);
    expect({ task, missing }).toEqual({ task, missing: [] });
  }
});
