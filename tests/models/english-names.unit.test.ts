/**
 * The English catalogue beside the models (bpmn/<area>/en-US.json, decision 0035) covers every text the deployed
 * models show users: each drawn element's and each process's name, and each form's labels, descriptions, texts and
 * option labels. A new field or step without its English fails here, naming the form or process and the entry.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { englishDiagramXml, shownNamesOf } from '../../lib/model-texts/english-diagram';
import {
  componentName,
  englishForm,
  FORM_TEXT_PROPERTIES,
  type FormComponent,
} from '../../lib/model-texts/english-form';
import { MODELS_DIR, readCatalogue, type ModelTextCatalogue } from '../../lib/model-texts/model-text-catalogue';
import { modelFiles } from '../../platform/deploy-models';

const CHINESE = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
const catalogue: ModelTextCatalogue = readCatalogue();
const read = (file: string) => readFileSync(file, 'utf8');
const forms = modelFiles()
  .filter((file) => file.endsWith('.form'))
  .map((file) => ({ file: relative(MODELS_DIR, file), schema: JSON.parse(read(file)) as FormSchema }));
const processFiles = modelFiles().filter((file) => file.endsWith('.bpmn'));

interface FormSchema {
  id: string;
  components: FormComponent[];
}

/** `where: English` for every text a person reads in a form (only Chinese texts need an entry: codes stay). */
function formProblems({ file, schema }: { file: string; schema: FormSchema }): string[] {
  const problems: string[] = [];
  const texts = catalogue.forms[schema.id] ?? {};
  const check = (where: string, chinese: string, english: string | undefined) => {
    if (!CHINESE.test(chinese)) return;
    if (english === undefined) problems.push(`${file} ${where}: no English for "${chinese}"`);
    else if (CHINESE.test(english) || !english.trim()) problems.push(`${file} ${where}: "${english}" is not English`);
  };
  const walk = (components: FormComponent[]) => {
    for (const component of components) {
      const name = componentName(component) ?? '(no key or id)';
      const entry = texts[name];
      for (const property of FORM_TEXT_PROPERTIES)
        if (typeof component[property] === 'string')
          check(`${name}.${property}`, component[property] as string, entry?.[property]);
      for (const option of component.values ?? [])
        check(`${name}.values.${String(option.value)}`, option.label ?? '', entry?.values?.[String(option.value)]);
      // Any other Chinese text is one this catalogue does not know how to translate yet: a property to add.
      for (const [property, value] of Object.entries(component))
        if (!(FORM_TEXT_PROPERTIES as readonly string[]).includes(property) && property !== 'values')
          for (const text of strings(value))
            if (CHINESE.test(text) && !text.startsWith('='))
              problems.push(`${file} ${name}.${property}: "${text}" is a text the catalogue cannot carry`);
      walk(component.components ?? []);
    }
  };
  walk(schema.components);
  return problems;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

test('the deployed set has forms and processes to check', () => {
  expect(forms.length).toBeGreaterThan(20);
  expect(processFiles.length).toBeGreaterThan(5);
});

test('every text of every deployed form has its English, with no Chinese in it', () => {
  expect(forms.flatMap(formProblems)).toEqual([]);
});

test('every name a diagram or list shows (each drawn element, each process) has its English', async () => {
  const problems: string[] = [];
  for (const file of processFiles)
    for (const shown of await shownNamesOf(read(file))) {
      if (!CHINESE.test(shown.name)) continue;
      const english = catalogue.processes[shown.processId]?.[shown.elementId];
      const where = `${relative(MODELS_DIR, file)} ${shown.processId}/${shown.elementId}`;
      if (english === undefined) problems.push(`${where}: no English for "${shown.name}"`);
      else if (CHINESE.test(english) || !english.trim()) problems.push(`${where}: "${english}" is not English`);
    }
  expect(problems).toEqual([]);
});

test('the catalogue names no form, process, field or element the models do not have', async () => {
  const known = new Map<string, Set<string>>();
  const namesOf = (where: string) => known.get(where) ?? known.set(where, new Set()).get(where)!;
  for (const file of processFiles)
    for (const shown of await shownNamesOf(read(file))) namesOf(`process ${shown.processId}`).add(shown.elementId);
  for (const { schema } of forms) {
    const walk = (components: FormComponent[]): void =>
      components.forEach((c) => {
        namesOf(`form ${schema.id}`).add(componentName(c) ?? '');
        walk(c.components ?? []);
      });
    walk(schema.components);
  }
  const stale: string[] = [];
  for (const [kind, entries] of [
    ['process', catalogue.processes],
    ['form', catalogue.forms],
  ] as const)
    for (const [id, texts] of Object.entries(entries))
      for (const name of Object.keys(texts))
        if (!known.get(`${kind} ${id}`)?.has(name)) stale.push(`${kind} ${id}: ${name}`);
  expect(stale).toEqual([]);
});

test('a form in English keeps its keys, values and rules; only its texts change', () => {
  const scheme = forms.find((form) => form.schema.id === 'be-supply-scheme')!.schema;
  const english = englishForm(scheme, catalogue) as FormSchema;
  const voltage = english.components.find((c) => c.key === 'supplyVoltage')!;
  expect(voltage.label).toBe('Supply voltage');
  expect(voltage.values).toEqual(expect.arrayContaining([{ label: '10 kV', value: '10kV' }]));
  expect(voltage.validate).toEqual({ required: true });
  expect(english.components.map((c) => c.key)).toEqual(scheme.components.map((c) => c.key));
  expect(JSON.stringify(english)).not.toMatch(CHINESE);
  // The Chinese original is not changed by translating it.
  expect(scheme.components.find((c) => c.key === 'supplyVoltage')!.label).toBe('供电电压');
});

test('a diagram in English names its steps in English and keeps every element and its drawing', async () => {
  const file = processFiles.find((f) => f.endsWith('/change-of-use.bpmn'))!;
  const xml = read(file);
  const english = await englishDiagramXml(xml, catalogue);
  const names = await shownNamesOf(english);
  expect(names.find((n) => n.elementId === 'review')?.name).toBe('Acceptance review');
  expect(names.filter((n) => CHINESE.test(n.name))).toEqual([]);
  expect(names.map((n) => n.elementId).sort()).toEqual((await shownNamesOf(xml)).map((n) => n.elementId).sort());
  expect(english.match(/<bpmndi:BPMNShape/g)?.length).toBe(xml.match(/<bpmndi:BPMNShape/g)?.length);
});
