/**
 * DMN decisions through @camunda8/sdk's ZeebeGrpcClient: deploying .dmn resources (docs/zeebe-rules.md §11), business
 * rule tasks with zeebe:calledDecision evaluating the high-reliability supply fee (docs/business-rules.md §1.5), the
 * evaluation kept as a decision instance (DECISION_EVALUATION records), incidents and their resolution (§1.7, §4.2),
 * EvaluateDecision, and the job-based business rule task.
 */
import { status } from '@grpc/grpc-js';
import type { Zeebe } from '@camunda8/sdk';
import {
  activateJob,
  completedElements,
  fixture,
  openIncidents,
  recordsOf,
  unique,
  useEngine,
  waitForCompletion,
  waitForIncident,
  type LoggedRecord,
} from './engine-kit';
import { waitFor } from '../support/wait-for';

const h = useEngine();

type DeployReply = Awaited<ReturnType<Zeebe.ZeebeGrpcClient['deployResources']>>;
interface DecisionMeta {
  dmnDecisionId: string;
  dmnDecisionName: string;
  version: number;
  decisionKey: string;
  dmnDecisionRequirementsId: string;
  decisionRequirementsKey: string;
}
interface RequirementsMeta {
  dmnDecisionRequirementsId: string;
  dmnDecisionRequirementsName: string;
  version: number;
  decisionRequirementsKey: string;
  resourceName: string;
}
const decisionsOf = (reply: DeployReply): DecisionMeta[] =>
  reply.deployments.flatMap((d) => ('decision' in (d as object) ? [(d as { decision: DecisionMeta }).decision] : []));
const requirementsOf = (reply: DeployReply): RequirementsMeta[] =>
  reply.deployments.flatMap((d) =>
    'decisionRequirements' in (d as object)
      ? [(d as { decisionRequirements: RequirementsMeta }).decisionRequirements]
      : [],
  );

/**
 * v1: the fee table of docs/business-rules.md §1.5 (20 kV only); v2 (same resource name, changed content) adds 10 kV
 * overhead.
 */
const feeV1 = () => ({ name: 'hr-fee.dmn', decision: fixture('hr-fee.dmn') });
const feeV2 = () => ({ name: 'hr-fee.dmn', decision: fixture('hr-fee-v2.dmn') });

let first: DeployReply;
let redeployed: DeployReply;
let changed: DeployReply;

beforeAll(async () => {
  first = await h.zbc.deployResources([
    { name: 'fee-calculation.bpmn', process: fixture('fee-calculation.bpmn') },
    feeV1(),
    { name: 'user-task-approval.form', form: fixture('user-task-approval.form') },
  ]);
  redeployed = await h.zbc.deployResources([feeV1()]);
  changed = await h.zbc.deployResources([feeV2()]);
  await h.zbc.deployResources([
    { name: 'supply-voltage.dmn', decision: fixture('supply-voltage.dmn') },
    { name: 'supply-voltage-check.bpmn', process: fixture('supply-voltage-check.bpmn') },
    { name: 'late-decision-task.bpmn', process: fixture('late-decision-task.bpmn') },
    { name: 'job-rule-task.bpmn', process: fixture('job-rule-task.bpmn') },
  ]);
});

describe('Deploying DMN', () => {
  it('answers processes, then decisions, then decision requirements, then forms', () => {
    const kinds = first.deployments.map((d) => Object.keys(d as object)[0]);
    expect(kinds).toEqual(['process', 'decision', 'decision', 'decisionRequirements', 'form']);
    const [drg] = requirementsOf(first);
    expect(drg).toMatchObject({
      dmnDecisionRequirementsId: 'high-reliability-fee',
      dmnDecisionRequirementsName: '高可靠性供电费 High-reliability supply fee',
      version: 1,
      resourceName: 'hr-fee.dmn',
    });
    expect(drg.decisionRequirementsKey).toMatch(/^[1-9]\d*$/);
    const decisions = decisionsOf(first);
    expect(decisions).toEqual([
      expect.objectContaining({
        dmnDecisionId: 'feePerKva',
        dmnDecisionName: 'Fee per kVA',
        version: 1,
        dmnDecisionRequirementsId: 'high-reliability-fee',
        decisionRequirementsKey: drg.decisionRequirementsKey,
      }),
      expect.objectContaining({
        dmnDecisionId: 'highReliabilityFee',
        dmnDecisionName: 'High-reliability supply fee',
        version: 1,
        decisionRequirementsKey: drg.decisionRequirementsKey,
      }),
    ]);
    const keys = [drg.decisionRequirementsKey, ...decisions.map((d) => d.decisionKey)];
    expect(new Set(keys).size).toBe(3);
  });

  it('an identical redeploy keeps the versions and keys', () => {
    expect(decisionsOf(redeployed)).toEqual(decisionsOf(first));
    expect(requirementsOf(redeployed)).toEqual(requirementsOf(first));
  });

  it('changed content gets the next versions and new keys', () => {
    const [drg] = requirementsOf(changed);
    expect(drg).toMatchObject({ dmnDecisionRequirementsId: 'high-reliability-fee', version: 2 });
    expect(drg.decisionRequirementsKey).not.toBe(requirementsOf(first)[0].decisionRequirementsKey);
    const decisions = decisionsOf(changed);
    expect(decisions.map((d) => [d.dmnDecisionId, d.version])).toEqual([
      ['feePerKva', 2],
      ['highReliabilityFee', 2],
    ]);
    for (const [i, d] of decisions.entries()) {
      expect(d.decisionKey).not.toBe(decisionsOf(first)[i].decisionKey);
      expect(d.decisionRequirementsKey).toBe(drg.decisionRequirementsKey);
    }
  });

  it('a .dmn that does not parse: INVALID_ARGUMENT naming the file', async () => {
    const error = await h.zbc.deployResource({ name: 'malformed.dmn', decision: fixture('malformed.dmn') }).then(
      () => undefined,
      (e: { code: number; details?: string; message: string }) => e,
    );
    expect(error).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(error!.details ?? error!.message).toContain('malformed.dmn');
  });

  it('invalid FEEL: INVALID_ARGUMENT naming the file and the decision; nothing is deployed', async () => {
    const error = await h.zbc
      .deployResources([
        { name: 'job-task.bpmn', process: fixture('job-task.bpmn') },
        { name: 'invalid-feel.dmn', decision: fixture('invalid-feel.dmn') },
      ])
      .then(
        () => undefined,
        (e: { code: number; details?: string; message: string }) => e,
      );
    expect(error).toMatchObject({ code: status.INVALID_ARGUMENT });
    const message = error!.details ?? error!.message;
    expect(message).toContain('invalid-feel.dmn');
    expect(message).toContain("decision 'brokenFee'");
    await expect(h.zbc.createProcessInstance({ bpmnProcessId: 'job-task', variables: {} })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });
});

const customer = (
  lineType: string,
  externalWorksBuiltBy: string,
  capacityKva: number,
  voltageKv = 20,
  circuitsInterconnected = true,
) => ({ voltageKv, lineType, externalWorksBuiltBy, circuitsInterconnected, capacityKva });

const runFee = (variables: Record<string, unknown>) =>
  h.zbc.createProcessInstanceWithResult({
    bpmnProcessId: 'fee-calculation',
    variables: { feeDecisionId: 'highReliabilityFee', ...variables },
    requestTimeout: 20_000,
  });

describe('Business rule task (zeebe:calledDecision)', () => {
  it.each([
    // lineType, built by, kVA, kV, interconnected, rate (yuan/kVA), fee (yuan)
    ['overhead', 'supplier', 630, 20, true, 190, 119_700],
    ['cable', 'supplier', 800, 20, true, 285, 228_000], // 190 × 1.5
    ['overhead', 'customer', 400, 20, true, 128, 51_200],
    ['cable', 'customer', 1000, 20, true, 192, 192_000], // 128 × 1.5
    ['cable', 'supplier', 2000, 20, false, 0, 0], // no electrical interconnection: not charged
    ['overhead', 'supplier', 500, 10, true, 150, 75_000], // the 10 kV row exists in v2 only: the latest is used
  ])(
    '%s line, works by the %s, %p kVA at %p kV (interconnected: %p) → %p yuan/kVA, %p yuan',
    async (lineType, builtBy, kva, kv, interconnected, rate, fee) => {
      const variables = customer(lineType, builtBy, kva, kv, interconnected);
      const result = await runFee(variables);
      // `rate` is the static decision's result variable; the FEEL-named decision's result `feeResult` stays local
      // to its task, whose output mappings carry the fee out.
      expect(result.variables).toEqual({
        ...variables,
        feeDecisionId: 'highReliabilityFee',
        rate,
        highReliabilityFee: fee,
        feeWanYuan: expect.closeTo(fee / 10_000, 9),
      });
      expect(await completedElements(h.engine, result.processInstanceKey)).toEqual([
        'start',
        'rate',
        'fee',
        'end',
        'fee-calculation',
      ]);
    },
  );

  it('the decision id may be a FEEL expression', async () => {
    const result = await runFee({ ...customer('cable', 'supplier', 100), feeDecisionId: 'feePerKva' });
    expect(result.variables).toMatchObject({ rate: 285, highReliabilityFee: 285, feeWanYuan: 0.0285 });
  });
});

const decisionRecords = async (processInstanceKey: string): Promise<LoggedRecord[]> =>
  (await recordsOf(h.engine, processInstanceKey)).filter((r) => r.valueType === 'DECISION_EVALUATION');

describe('Decision instances', () => {
  it('a DECISION_EVALUATION EVALUATED record names the decision, version, inputs, matched rules, outputs and the element', async () => {
    const variables = customer('cable', 'customer', 1000);
    const result = await runFee(variables);
    const records = await decisionRecords(result.processInstanceKey);
    expect(records.map((r) => [r.intent, r.value.decisionId, r.value.elementId])).toEqual([
      ['EVALUATED', 'feePerKva', 'rate'],
      ['EVALUATED', 'highReliabilityFee', 'fee'],
    ]);
    const [v2Rate, v2Fee] = decisionsOf(changed);
    const elementKey = (elementId: string) =>
      waitFor(async () =>
        (await recordsOf(h.engine, result.processInstanceKey)).find(
          (r) => r.valueType === 'PROCESS_INSTANCE' && r.value.elementId === elementId,
        ),
      );
    const feeRecord = records[1];
    expect(feeRecord.value).toMatchObject({
      decisionId: 'highReliabilityFee',
      decisionName: 'High-reliability supply fee',
      decisionVersion: 2,
      decisionKey: Number(v2Fee.decisionKey),
      decisionRequirementsId: 'high-reliability-fee',
      decisionOutput: 192_000,
      failedDecisionId: '',
      processInstanceKey: Number(result.processInstanceKey),
      processDefinitionKey: Number(result.processDefinitionKey),
      bpmnProcessId: 'fee-calculation',
      elementId: 'fee',
      elementInstanceKey: (await elementKey('fee')).key,
    });
    // The required decision is evaluated first, then the literal expression that requires it.
    const evaluated = feeRecord.value.evaluatedDecisions as Array<Record<string, unknown>>;
    expect(evaluated.map((d) => [d.decisionId, d.decisionVersion, d.decisionType, d.decisionOutput])).toEqual([
      ['feePerKva', 2, 'DECISION_TABLE', 192],
      ['highReliabilityFee', 2, 'LITERAL_EXPRESSION', 192_000],
    ]);
    expect(evaluated[0]).toMatchObject({
      decisionKey: Number(v2Rate.decisionKey),
      evaluatedInputs: [
        { inputId: 'Input_voltage', inputName: 'Voltage level (kV)', inputValue: 20 },
        { inputId: 'Input_lineType', inputName: 'Line type', inputValue: 'cable' },
        { inputId: 'Input_externalWorks', inputName: 'External works built by', inputValue: 'customer' },
        { inputId: 'Input_interconnected', inputName: 'Circuits electrically interconnected', inputValue: true },
      ],
      matchedRules: [
        {
          ruleId: 'Rule_20kv_cable_customer',
          ruleIndex: 4,
          evaluatedOutputs: [{ outputId: 'Output_fee', outputName: 'feePerKva', outputValue: 192 }],
        },
      ],
    });
    expect(records[0].value).toMatchObject({ decisionOutput: 192, decisionVersion: 2, elementId: 'rate' });
  });
});

describe('Incidents of business rule tasks', () => {
  it('a missing decision: CALLED_DECISION_ERROR; deploy it, resolve, and the task evaluates and continues', async () => {
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: 'late-decision-task',
      variables: { capacityKva: 315 },
    });
    const incident = await waitForIncident(h.engine, instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'CALLED_DECISION_ERROR', elementId: 'label' });
    expect(incident.errorMessage).toContain("'lateDecision'");

    await h.zbc.deployResource({ name: 'late-decision.dmn', decision: fixture('late-decision.dmn') });
    await h.zbc.resolveIncident({ incidentKey: incident.key });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    const records = await recordsOf(h.engine, instance.processInstanceKey);
    const label = records.find((r) => r.valueType === 'VARIABLE' && r.value.name === 'label');
    expect(label?.value.value).toBe(JSON.stringify('连接315'));
    expect(
      records.filter((r) => r.valueType === 'DECISION_EVALUATION').map((r) => [r.intent, r.value.decisionId]),
    ).toEqual([['EVALUATED', 'lateDecision']]);
    expect(await openIncidents(h.engine, instance.processInstanceKey)).toEqual([]);
  });

  it('two matching rules of a UNIQUE table: DECISION_EVALUATION_ERROR; fix the variable, resolve, and the input mappings apply again', async () => {
    // 6000 kVA matches [100..8000] → 10 kV and >= 5000 → 35 kV
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: 'supply-voltage-check',
      variables: { requestedKva: 6000 },
    });
    const incident = await waitForIncident(h.engine, instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'DECISION_EVALUATION_ERROR', elementId: 'voltage' });
    expect(incident.errorMessage).toContain("Expected to evaluate decision 'supplyVoltage'");
    expect(incident.errorMessage).toMatch(/UNIQUE/);
    expect(incident.errorMessage).toMatch(/Rule_10kv|Rule_35kv|multiple|more than one/i);
    const failed = (await decisionRecords(instance.processInstanceKey)).map((r) => [r.intent, r.value.decisionId]);
    expect(failed).toEqual([['FAILED', 'supplyVoltage']]);

    await h.zbc.setVariables({
      elementInstanceKey: instance.processInstanceKey,
      variables: { requestedKva: 3000 },
      local: false,
    });
    await h.zbc.resolveIncident({ incidentKey: incident.key });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    const records = await recordsOf(h.engine, instance.processInstanceKey);
    const evaluated = records.filter((r) => r.valueType === 'DECISION_EVALUATION' && r.intent === 'EVALUATED');
    expect(evaluated).toHaveLength(1);
    expect(evaluated[0].value).toMatchObject({ decisionOutput: 10 });
    const voltage = records.filter((r) => r.valueType === 'VARIABLE' && r.value.name === 'voltageKv');
    expect(voltage.map((r) => r.value.value)).toEqual(['10']);
  });

  it('an input that fails its type check: DECISION_EVALUATION_ERROR with a readable message; SetVariables and resolve', async () => {
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: 'fee-calculation',
      variables: { ...customer('overhead', 'supplier', 630), voltageKv: '20kV', feeDecisionId: 'highReliabilityFee' },
    });
    const incident = await waitForIncident(h.engine, instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'DECISION_EVALUATION_ERROR', elementId: 'rate' });
    expect(incident.errorMessage).toBe(
      "Expected to evaluate decision 'feePerKva', but the input 'Voltage level (kV)' ('voltageKv') should be a " +
        '\'number\', but is the string "20kV"',
    );

    await h.zbc.setVariables({
      elementInstanceKey: instance.processInstanceKey,
      variables: { voltageKv: 20 },
      local: false,
    });
    await h.zbc.resolveIncident({ incidentKey: incident.key });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'rate',
      'fee',
      'end',
      'fee-calculation',
    ]);
    const fee = (await recordsOf(h.engine, instance.processInstanceKey)).find(
      (r) => r.valueType === 'VARIABLE' && r.value.name === 'highReliabilityFee',
    );
    expect(fee?.value.value).toBe('119700');
  });

  it('a FEEL decision id that is not a string: EXTRACT_VALUE_ERROR', async () => {
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: 'fee-calculation',
      variables: customer('overhead', 'supplier', 630),
    });
    const incident = await waitForIncident(h.engine, instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'fee' });
  });
});

/** The SDK's response type leaves out decisionInstanceKey, which the gateway sends. */
type GrpcEvaluation = Awaited<ReturnType<Zeebe.ZeebeGrpcClient['evaluateDecision']>> & { decisionInstanceKey: string };
const evaluate = async (request: Parameters<Zeebe.ZeebeGrpcClient['evaluateDecision']>[0]) =>
  (await h.zbc.evaluateDecision(request)) as GrpcEvaluation;

describe('EvaluateDecision (gRPC)', () => {
  it('by decision id: the latest version, with the evaluated decisions, matched rules, inputs and outputs', async () => {
    const res = await evaluate({
      decisionId: 'highReliabilityFee',
      variables: customer('overhead', 'supplier', 500, 10),
    });
    const [v2Rate, v2Fee] = decisionsOf(changed);
    expect(res).toMatchObject({
      decisionId: 'highReliabilityFee',
      decisionName: 'High-reliability supply fee',
      decisionVersion: 2,
      decisionKey: v2Fee.decisionKey,
      decisionRequirementsId: 'high-reliability-fee',
      decisionRequirementsKey: requirementsOf(changed)[0].decisionRequirementsKey,
      failedDecisionId: '',
      failureMessage: '',
    });
    expect(JSON.parse(res.decisionOutput)).toBe(75_000); // 150 × 500
    expect(res.decisionInstanceKey).toMatch(/^[1-9]\d*$/);
    expect(res.evaluatedDecisions).toHaveLength(2);
    const [table, literal] = res.evaluatedDecisions;
    expect(table).toMatchObject({
      decisionId: 'feePerKva',
      decisionKey: v2Rate.decisionKey,
      decisionVersion: 2,
      decisionType: 'DECISION_TABLE',
      decisionOutput: '150',
      matchedRules: [
        {
          ruleId: 'Rule_10kv_overhead_supplier',
          ruleIndex: 6,
          evaluatedOutputs: [{ outputId: 'Output_fee', outputName: 'feePerKva', outputValue: '150' }],
        },
      ],
    });
    expect(table.evaluatedInputs.map((i) => [i.inputId, JSON.parse(i.inputValue)])).toEqual([
      ['Input_voltage', 10],
      ['Input_lineType', 'overhead'],
      ['Input_externalWorks', 'supplier'],
      ['Input_interconnected', true],
    ]);
    expect(literal).toMatchObject({
      decisionId: 'highReliabilityFee',
      decisionType: 'LITERAL_EXPRESSION',
      decisionOutput: '75000',
      matchedRules: [],
    });
  });

  it('by decision key: that (older) version', async () => {
    const [, v1Fee] = decisionsOf(first);
    const older = await evaluate({
      decisionKey: v1Fee.decisionKey,
      variables: customer('overhead', 'supplier', 500, 10),
    });
    expect(older).toMatchObject({ decisionVersion: 1, decisionKey: v1Fee.decisionKey, failureMessage: '' });
    expect(JSON.parse(older.decisionOutput)).toBeNull(); // v1 has no 10 kV row
    expect(older.evaluatedDecisions[0]).toMatchObject({ decisionId: 'feePerKva', matchedRules: [] });

    const at20 = await evaluate({
      decisionKey: v1Fee.decisionKey,
      variables: customer('overhead', 'customer', 400),
    });
    expect(JSON.parse(at20.decisionOutput)).toBe(51_200); // 128 × 400
  });

  // Each evaluated decision is named with the version of the evaluated decision's own requirements graph.
  it('by decision key: its required decisions are named with the version of the same deployment', async () => {
    const [v1Rate, v1Fee] = decisionsOf(first);
    const older = await h.zbc.evaluateDecision({
      decisionKey: v1Fee.decisionKey,
      variables: customer('overhead', 'customer', 400),
    });
    expect(older.evaluatedDecisions[0]).toMatchObject({
      decisionId: 'feePerKva',
      decisionVersion: 1,
      decisionKey: v1Rate.decisionKey,
    });
  });

  it('is kept as a decision instance without a process instance', async () => {
    const res = await evaluate({
      decisionId: 'feePerKva',
      variables: customer('cable', 'supplier', 1),
    });
    const record = await waitFor(async () =>
      (await recordsOf(h.engine, '-1')).find((r) => String(r.key) === res.decisionInstanceKey),
    );
    expect(record).toMatchObject({ valueType: 'DECISION_EVALUATION', intent: 'EVALUATED' });
    expect(record.value).toMatchObject({ decisionId: 'feePerKva', decisionOutput: 285, elementId: '' });
  });

  it('a failing evaluation answers with failedDecisionId and failureMessage, not a gRPC error', async () => {
    const res = await h.zbc.evaluateDecision({
      decisionId: 'highReliabilityFee',
      variables: { ...customer('cable', 'supplier', 800), voltageKv: '20kV' },
    });
    expect(res).toMatchObject({ decisionId: 'highReliabilityFee', failedDecisionId: 'feePerKva' });
    expect(res.failureMessage).toContain("Expected to evaluate decision 'feePerKva'");
    expect(res.failureMessage).toContain("'voltageKv'");
    expect(JSON.parse(res.decisionOutput)).toBeNull();

    const conflict = await h.zbc.evaluateDecision({ decisionId: 'supplyVoltage', variables: { capacityKva: 6000 } });
    expect(conflict.failedDecisionId).toBe('supplyVoltage');
    expect(conflict.failureMessage).toMatch(/UNIQUE/);
  });

  it('an unknown decision id or key: NOT_FOUND', async () => {
    await expect(
      h.zbc.evaluateDecision({ decisionId: unique('no-such-decision'), variables: {} }),
    ).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(h.zbc.evaluateDecision({ decisionKey: '2251799813999999', variables: {} })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });
});

describe('Business rule task with zeebe:taskDefinition', () => {
  it('creates a job of its type, like a service task', async () => {
    const jobType = unique('external-rules');
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: 'job-rule-task',
      variables: { jobType, capacityKva: 800 },
    });
    const job = await activateJob(h.zbc, jobType);
    expect(job).toMatchObject({
      processInstanceKey: instance.processInstanceKey,
      elementId: 'rules',
      bpmnProcessId: 'job-rule-task',
      retries: 2,
    });
    await h.zbc.completeJob({ jobKey: job.key, variables: { highReliabilityFee: 152_000 } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await decisionRecords(instance.processInstanceKey)).toEqual([]);
  });
});
