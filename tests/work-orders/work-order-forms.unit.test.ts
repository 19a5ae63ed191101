/**
 * The 95598 task forms (bpmn/work-orders/forms) against the model: every user task's form exists; every field is
 * labelled in Chinese; what a person enters is validated (the fields the flow and the workers read are required
 * and bounded), selects offer exactly the codes the model's conditions test, and the read-only order type and
 * urgency show the same Chinese names as the API.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ORDER_TYPES, URGENCIES } from '../../api/work-orders/work-order-types';
import { MODELS_DIR } from '../../platform/deploy-models';

interface Component {
  type: string;
  key: string;
  label: string;
  readonly?: boolean;
  values?: { label: string; value: string }[];
  validate?: { required?: boolean; minLength?: number; maxLength?: number };
  conditional?: { hide: string };
}
interface Form {
  id: string;
  components: Component[];
}

const dir = join(MODELS_DIR, 'work-orders');
const bpmn = readFileSync(join(dir, 'work-order.bpmn'), 'utf8');
const forms = new Map<string, Form>(
  readdirSync(join(dir, 'forms')).map((file) => {
    const form = JSON.parse(readFileSync(join(dir, 'forms', file), 'utf8')) as Form;
    expect(`${form.id}.form`).toBe(file);
    return [form.id, form];
  }),
);
const editable = (form: Form) => form.components.filter((c) => !c.readonly);
const chinese = /[\u4e00-\u9fa5]/;

/** What the flow and the workers read from each form: these must be filled in. */
const REQUIRED: Record<string, string[]> = {
  'wo-agent-answer': ['answer'],
  'wo-dispatch-national': ['dispatchDecision'],
  'wo-dispatch': ['dispatchDecision', 'dispatchReason'],
  'wo-repair-arrival': ['arrivalNote', 'arrivedAt'],
  'wo-repair-restore': ['reply', 'restoredAt'],
  'wo-complaint-contact': ['contactNote'],
  'wo-handle-reply': ['reply'],
  'wo-review': ['reviewResult', 'reviewComment'],
  'wo-callback': ['satisfaction', 'callbackComment'],
};

test('every user task of the model has its form, and every form is used', () => {
  const used = [...bpmn.matchAll(/<zeebe:formDefinition formId="([^"]+)"/g)].map((m) => m[1]);
  expect(bpmn.match(/<bpmn:userTask /g)).toHaveLength(used.length);
  expect([...new Set(used)].sort()).toEqual([...forms.keys()].sort());
  expect(Object.keys(REQUIRED).sort()).toEqual([...forms.keys()].sort());
});

test.each([...forms.keys()])('%s: Chinese labels, required and bounded inputs', (id) => {
  const form = forms.get(id)!;
  const keys = form.components.map((c) => c.key);
  expect(new Set(keys).size).toBe(keys.length);
  for (const component of form.components) {
    expect(component.label).toMatch(chinese);
    for (const option of component.values ?? []) expect(option.label).toMatch(chinese);
  }
  for (const key of REQUIRED[id]) {
    const component = editable(form).find((c) => c.key === key);
    expect(component?.validate?.required).toBe(true);
  }
  for (const component of editable(form)) {
    if (component.type === 'textarea' || component.type === 'textfield')
      expect(component.validate?.maxLength).toBeGreaterThan(0);
    // A field shown only in some cases is hidden by a value another field of the same form holds.
    const hiddenBy = component.conditional?.hide.match(/^=(\w+) /)?.[1];
    if (hiddenBy) expect(keys).toContain(hiddenBy);
  }
});

test('selects offer the codes the model tests; order type and urgency read as the API codes them', () => {
  const tested = new Map<string, Set<string>>();
  for (const [, key, value] of bpmn.matchAll(/>=(\w+) = "([^"]+)"</g))
    tested.set(key, new Set([...(tested.get(key) ?? []), value]));
  expect([...tested.keys()]).toEqual(expect.arrayContaining(['dispatchDecision', 'reviewResult', 'satisfaction']));
  for (const form of forms.values())
    for (const select of editable(form).filter((c) => c.type === 'select')) {
      // The national center has no level above it to return an order to.
      const cannot = form.id === 'wo-dispatch-national' ? ['return'] : [];
      const expected = [...(tested.get(select.key) ?? [])].filter((code) => !cannot.includes(code));
      expect({ form: form.id, offered: select.values!.map((v) => v.value) }).toEqual({
        form: form.id,
        offered: expect.arrayContaining(expected),
      });
    }
  const dispatch = forms.get('wo-dispatch')!.components;
  const orderType = dispatch.find((c) => c.key === 'orderType')!;
  expect(orderType.readonly).toBe(true);
  expect(Object.fromEntries(orderType.values!.map((v) => [v.value, v.label]))).toEqual(
    Object.fromEntries(Object.entries(ORDER_TYPES).map(([code, type]) => [code, type.name])),
  );
  const urgency = dispatch.find((c) => c.key === 'urgency')!;
  expect(urgency.values!.map((v) => v.value)).toEqual([...URGENCIES]);
  expect(
    forms
      .get('wo-dispatch-national')!
      .components.filter((c) => c.readonly)
      .map((c) => c.key),
  ).toEqual(dispatch.filter((c) => c.readonly).map((c) => c.key));
  const decision = dispatch.find((c) => c.key === 'dispatchDecision')!;
  expect(decision.values!.map((v) => v.value).sort()).toEqual(['accept', 'return']);
});
