/**
 * POST /v2/decision-definitions/evaluation through @camunda8/sdk's CamundaRestClient (and raw fetch() for the
 * problem answers): the high-reliability supply fee of docs/business-rules.md §1.5 by id (latest) and by key (an older
 * version), failures as outcomes, 404 for an unknown decision.
 */
import { CamundaRestClient } from '@camunda8/sdk';
import fs from 'node:fs';
import path from 'node:path';
import { startEngineProcess } from '../support/engine-process';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', 'engine', 'fixtures', name), 'utf8');

let engine: Awaited<ReturnType<typeof startEngineProcess>>;
let client: CamundaRestClient;
let v1: Awaited<ReturnType<CamundaRestClient['deployResources']>>;
let v2: Awaited<ReturnType<CamundaRestClient['deployResources']>>;

beforeAll(async () => {
  engine = await startEngineProcess();
  client = new CamundaRestClient({
    config: {
      ZEEBE_REST_ADDRESS: engine.restAddress,
      ...engine.sdkAuth,
      CAMUNDA_LOG_LEVEL: 'error',
    },
  });
  v1 = await client.deployResources([{ name: 'hr-fee.dmn', content: fixture('hr-fee.dmn') }]);
  v2 = await client.deployResources([{ name: 'hr-fee.dmn', content: fixture('hr-fee-v2.dmn') }]);
  await client.deployResources([{ name: 'supply-voltage.dmn', content: fixture('supply-voltage.dmn') }]);
}, 60_000);

afterAll(async () => {
  await engine?.stop();
});

const customer = (lineType: string, externalWorksBuiltBy: string, capacityKva: number, voltageKv = 20) => ({
  voltageKv,
  lineType,
  externalWorksBuiltBy,
  circuitsInterconnected: true,
  capacityKva,
});

async function post(body: unknown) {
  const res = await fetch(`${engine.restAddress}/v2/decision-definitions/evaluation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await engine.authHeaders()) },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    body: (await res.json()) as Record<string, string>,
  };
}

describe('Deploying DMN over REST', () => {
  it('answers the decisions and the decision requirements with versions and keys', () => {
    expect(v1.decisions.map((d) => [d.decisionDefinitionId, d.version, d.decisionRequirementsId])).toEqual([
      ['feePerKva', 1, 'high-reliability-fee'],
      ['highReliabilityFee', 1, 'high-reliability-fee'],
    ]);
    expect(v1.decisionRequirements).toEqual([
      expect.objectContaining({
        decisionRequirementsId: 'high-reliability-fee',
        version: 1,
        resourceName: 'hr-fee.dmn',
      }),
    ]);
    expect(v2.decisions.map((d) => d.version)).toEqual([2, 2]);
    expect(v2.decisions[1].decisionDefinitionKey).not.toBe(v1.decisions[1].decisionDefinitionKey);
  });
});

describe('POST /v2/decision-definitions/evaluation', () => {
  it('by decisionDefinitionId: the latest version, with evaluated decisions, matched rules, inputs and outputs', async () => {
    const res = await client.evaluateDecision({
      decisionDefinitionId: 'highReliabilityFee',
      variables: customer('overhead', 'supplier', 500, 10),
    });
    expect(res).toMatchObject({
      decisionDefinitionId: 'highReliabilityFee',
      decisionDefinitionName: 'High-reliability supply fee',
      decisionDefinitionVersion: 2,
      decisionDefinitionKey: v2.decisions[1].decisionDefinitionKey,
      decisionRequirementsId: 'high-reliability-fee',
      decisionRequirementsKey: v2.decisionRequirements[0].decisionRequirementsKey,
      failedDecisionDefinitionId: '',
      failureMessage: '',
      tenantId: '<default>',
    });
    expect(JSON.parse(res.output)).toBe(75_000); // 10 kV overhead (v2 only): 150 × 500
    expect(res.decisionInstanceKey).toMatch(/^[1-9]\d*$/);
    expect(res.decisionEvaluationKey).toBe(res.decisionInstanceKey);
    const [table, literal] = res.evaluatedDecisions;
    expect(table).toMatchObject({
      decisionDefinitionId: 'feePerKva',
      decisionDefinitionKey: v2.decisions[0].decisionDefinitionKey,
      decisionDefinitionVersion: 2,
      decisionDefinitionType: 'DECISION_TABLE',
      output: '150',
      matchedRules: [
        {
          ruleId: 'Rule_10kv_overhead_supplier',
          ruleIndex: 6,
          evaluatedOutputs: [{ outputId: 'Output_fee', outputName: 'feePerKva', outputValue: '150' }],
        },
      ],
    });
    expect(table.evaluatedInputs.map((i) => [i.inputName, JSON.parse(i.inputValue)])).toEqual([
      ['Voltage level (kV)', 10],
      ['Line type', 'overhead'],
      ['External works built by', 'supplier'],
      ['Circuits electrically interconnected', true],
    ]);
    expect(literal).toMatchObject({
      decisionDefinitionId: 'highReliabilityFee',
      decisionDefinitionType: 'LITERAL_EXPRESSION',
      output: '75000',
    });
  });

  it.each([
    ['cable', 'supplier', 800, 228_000], // 190 × 1.5 × 800
    ['overhead', 'customer', 400, 51_200], // 128 × 400
    ['cable', 'customer', 1000, 192_000], // 128 × 1.5 × 1000
  ])('by decisionDefinitionKey (version 1): %s line, works by the %s, %p kVA → %p yuan', async (line, by, kva, fee) => {
    const res = await client.evaluateDecision({
      decisionDefinitionKey: v1.decisions[1].decisionDefinitionKey,
      variables: customer(line, by, kva),
    });
    expect(res).toMatchObject({ decisionDefinitionVersion: 1, failureMessage: '' });
    expect(JSON.parse(res.output)).toBe(fee);
  });

  it('by decisionDefinitionKey: the older version has no 10 kV row', async () => {
    const res = await client.evaluateDecision({
      decisionDefinitionKey: v1.decisions[0].decisionDefinitionKey,
      variables: customer('overhead', 'supplier', 500, 10),
    });
    expect(res).toMatchObject({ decisionDefinitionId: 'feePerKva', decisionDefinitionVersion: 1, output: 'null' });
    expect(res.evaluatedDecisions[0].matchedRules).toEqual([]);
  });

  it('a failing evaluation is a 200 answer with failedDecisionDefinitionId and failureMessage', async () => {
    const res = await post({
      decisionDefinitionId: 'highReliabilityFee',
      variables: { ...customer('cable', 'supplier', 800), voltageKv: '20kV' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      decisionDefinitionId: 'highReliabilityFee',
      failedDecisionDefinitionId: 'feePerKva',
    });
    expect(res.body.failureMessage).toContain("Expected to evaluate decision 'feePerKva'");

    const conflict = await client.evaluateDecision({
      decisionDefinitionId: 'supplyVoltage',
      variables: { capacityKva: 6000 },
    });
    expect(conflict.failedDecisionDefinitionId).toBe('supplyVoltage');
    expect(conflict.failureMessage).toMatch(/UNIQUE/);
  });

  it.each([
    ['an unknown id', { decisionDefinitionId: 'noSuchDecision', variables: {} }],
    ['an unknown key', { decisionDefinitionKey: '2251799813999999', variables: {} }],
  ])('%s: 404 problem', async (_, body) => {
    const res = await post(body);
    expect(res.status).toBe(404);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 404,
      title: 'NOT_FOUND',
      instance: '/v2/decision-definitions/evaluation',
    });
    expect(res.body.detail).toMatch(/noSuchDecision|2251799813999999/);
  });

  it('neither id nor key: 400 problem', async () => {
    const res = await post({ variables: {} });
    expect(res.status).toBe(400);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
  });
});
