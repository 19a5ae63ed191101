/**
 * Every model deployed from bpmn/ must also run on Camunda 8.8: bpmnlint (recommended + camunda-compat 8.8)
 * finds nothing, every form/decision/process a model refers to is deployed with it, forms are valid form-js
 * schemas and every name and label a person reads is Chinese. Failures list file, element and message.
 */
import { lintProblems } from './bpmn-lint';
import { formProblems } from './form-checks';
import { loadInventory, parseBpmn, type ModelInventory } from './model-inventory';
import { nameProblems } from './model-names';
import { referenceProblems } from './model-references';

let inventory: ModelInventory;

beforeAll(async () => {
  inventory = await loadInventory();
});

test('the deployed set holds processes, decisions and forms', () => {
  expect(inventory.bpmn.length).toBeGreaterThan(0);
  expect(inventory.decisions.length).toBeGreaterThan(0);
  expect(inventory.forms.length).toBeGreaterThan(0);
});

test('bpmnlint (recommended + Camunda 8.8 compatibility) finds nothing', async () => {
  const problems = (await Promise.all(inventory.bpmn.map((model) => lintProblems(model)))).flat();
  expect(problems).toEqual([]);
});

test('forms, decisions and called processes referenced by the models are deployed', () => {
  expect(referenceProblems(inventory)).toEqual([]);
});

test('forms are form-js schemas with an id and Chinese field labels', () => {
  expect(formProblems(inventory.forms)).toEqual([]);
});

test('every element, process and decision name is Chinese', () => {
  expect(nameProblems(inventory)).toEqual([]);
});

describe('the checks catch a broken model', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="broken-definitions" targetNamespace="test">
  <bpmn:process id="broken" name="Broken" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="no-job-type" name="无任务类型"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:userTask id="missing-form" name="缺少表单">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="no-such-form" /></bpmn:extensionElements>
      <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="end"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="no-job-type" />
    <bpmn:sequenceFlow id="f2" sourceRef="no-job-type" targetRef="missing-form" />
    <bpmn:sequenceFlow id="f3" sourceRef="missing-form" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

  test('lint, references and names report it', async () => {
    const model = await parseBpmn('broken.bpmn', xml);
    const broken: ModelInventory = { bpmn: [model], decisions: [], forms: [] };
    const lint = await lintProblems(model);
    expect(lint).toContainEqual(
      expect.stringMatching(/^broken\.bpmn: no-job-type: .*zeebe:TaskDefinition.*camunda-compat\/implementation/),
    );
    expect(lint).toContainEqual(expect.stringContaining('broken.bpmn: start: Element is missing bpmndi'));
    expect(referenceProblems(broken)).toEqual(["broken.bpmn: missing-form: form 'no-such-form' is not deployed"]);
    expect(nameProblems(broken)).toEqual(["broken.bpmn: broken: name 'Broken' is not Chinese"]);
  });

  test('form checks report an English label and a datetime without dateLabel', () => {
    const form = {
      id: 'f',
      type: 'default',
      schemaVersion: 16,
      components: [
        { type: 'textfield', key: 'a', label: 'Name' },
        { type: 'datetime', key: 'b', label: '日期', subtype: 'date' },
        { type: 'textfield', key: 'a', label: '重复' },
      ],
    };
    expect(
      formProblems([
        { file: 'f.form', text: JSON.stringify(form) },
        { file: 'g.form', text: '{' },
      ]),
    ).toEqual([
      "f.form: a: label 'Name' is not Chinese",
      "f.form: b: dateLabel '' is not Chinese",
      'f.form: a: duplicate key',
      expect.stringMatching(/^g\.form: not JSON/),
    ]);
  });
});
