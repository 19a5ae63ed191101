/**
 * GET /v2/process-definitions/{key}/form: the form linked to a process's none start event (zeebe:formDefinition),
 * as a tasklist shows it to start a case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sdkClient } from '../grpc/grpc-test-clients';
import { startEngineProcess, type EngineProcess } from '../support/engine-process';

let engine: EngineProcess;
let zbc: ReturnType<typeof sdkClient>;

const FORM = readFileSync(join(__dirname, '../engine/fixtures/user-task-approval.form'));
const FORM_ID = (JSON.parse(FORM.toString()) as { id: string }).id;

const processWith = (id: string, startExtension: string): Buffer =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="${id}" name="申请" isExecutable="true">
    <bpmn:startEvent id="start">${startExtension}<bpmn:outgoing>f</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
    <bpmn:endEvent id="end"><bpmn:incoming>f</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`);

async function deploy(name: string, content: Buffer): Promise<string> {
  const result = await zbc.deployResource({ name, process: content } as never);
  return (result.deployments[0] as { process: { processDefinitionKey: string } }).process.processDefinitionKey;
}

const getForm = async (key: string) =>
  fetch(`${engine.restAddress}/v2/process-definitions/${key}/form`, { headers: await engine.authHeaders() });

beforeAll(async () => {
  engine = await startEngineProcess();
  zbc = sdkClient(engine);
  await zbc.topology();
  await zbc.deployResource({ name: 'approval.form', form: FORM } as never);
});

afterAll(async () => {
  await zbc.close();
  await engine.stop();
});

it('answers the start event’s linked form, latest version', async () => {
  const key = await deploy(
    'with-form.bpmn',
    processWith(
      'with-start-form',
      `<bpmn:extensionElements><zeebe:formDefinition formId="${FORM_ID}" /></bpmn:extensionElements>`,
    ),
  );
  const res = await getForm(key);
  expect(res.status).toBe(200);
  const form = (await res.json()) as { formId: string; version: number; schema: string; formKey: string };
  expect(form).toMatchObject({ formId: FORM_ID, version: 1, formKey: expect.stringMatching(/^\d+$/) });
  expect(JSON.parse(form.schema)).toMatchObject({ id: FORM_ID });
});

it('answers 204 for a process without a start form, and 404 for an unknown definition', async () => {
  const key = await deploy('plain.bpmn', processWith('without-start-form', ''));
  expect((await getForm(key)).status).toBe(204);
  expect((await getForm('2251799813999999')).status).toBe(404);
});
