/**
 * The high-reliability supply fee of docs/business-rules.md §1.5: 20 kV 190 yuan/kVA (overhead), 128 when the customer
 * builds the external works, cable lines 1.5× overhead, nothing without electrical interconnection of the circuits.
 */
import { evaluateDecision } from './evaluation/drg-evaluator';
import { loadFixture } from './fixtures/load-fixture';
import type { DecisionRequirementsGraph } from './model/executable-decision';

let drg: DecisionRequirementsGraph;
beforeAll(async () => {
  drg = await loadFixture('high-reliability-fee.dmn');
});

const customer = (lineType: string, externalWorksBuiltBy: string, capacityKva: number, voltageKv = 20) => ({
  voltageKv,
  lineType,
  externalWorksBuiltBy,
  circuitsInterconnected: true,
  capacityKva,
});

describe('fee per kVA (decision table)', () => {
  it.each([
    ['overhead', 'supplier', 190],
    ['cable', 'supplier', 285], // 190 × 1.5
    ['overhead', 'customer', 128],
    ['cable', 'customer', 192], // 128 × 1.5
  ])('20 kV, %s line, external works by the %s → %p yuan/kVA', (lineType, builtBy, expected) => {
    const result = evaluateDecision(drg, 'feePerKva', customer(lineType, builtBy, 630));
    expect(result).toMatchObject({ ok: true, decisionOutput: expected });
  });

  it('charges nothing when the circuits have no electrical interconnection', () => {
    const variables = { ...customer('cable', 'supplier', 630), circuitsInterconnected: false };
    const result = evaluateDecision(drg, 'feePerKva', variables);
    expect(result).toMatchObject({ ok: true, decisionOutput: 0 });
    expect(result.evaluatedDecisions[0].matchedRules.map((rule) => rule.ruleIndex)).toEqual([5]);
  });

  it('has no rate for a voltage level the table does not list', () => {
    expect(evaluateDecision(drg, 'feePerKva', customer('overhead', 'supplier', 630, 10))).toMatchObject({
      ok: true,
      decisionOutput: null,
    });
  });

  it('records all four inputs', () => {
    const result = evaluateDecision(drg, 'feePerKva', customer('cable', 'customer', 400));
    expect(result.evaluatedDecisions[0].evaluatedInputs).toEqual([
      { inputId: 'Input_voltage', inputName: 'Voltage level (kV)', inputValue: 20 },
      { inputId: 'Input_lineType', inputName: 'Line type', inputValue: 'cable' },
      { inputId: 'Input_externalWorks', inputName: 'External works built by', inputValue: 'customer' },
      { inputId: 'Input_interconnected', inputName: 'Circuits electrically interconnected', inputValue: true },
    ]);
  });

  it('fails readably when the voltage level is not a number', () => {
    const result = evaluateDecision(drg, 'feePerKva', { ...customer('cable', 'customer', 400), voltageKv: '20kV' });
    expect(result).toEqual({
      ok: false,
      failedDecisionId: 'feePerKva',
      message:
        "Expected to evaluate decision 'feePerKva', but the input 'Voltage level (kV)' ('voltageKv') should be a " +
        '\'number\', but is the string "20kV"',
      evaluatedDecisions: [],
    });
  });
});

describe('fee (literal expression requiring the table): rate × capacity', () => {
  it.each([
    ['overhead', 'supplier', 630, 119700], // 190 × 630
    ['cable', 'supplier', 800, 228000], // 285 × 800
    ['overhead', 'customer', 400, 51200], // 128 × 400
    ['cable', 'customer', 1000, 192000], // 192 × 1000
  ])('%s line, works by the %s, %p kVA → %p yuan', (lineType, builtBy, capacityKva, expected) => {
    const result = evaluateDecision(drg, 'highReliabilityFee', customer(lineType, builtBy, capacityKva));
    expect(result).toMatchObject({ ok: true, decisionOutput: expected });
  });

  it('evaluates the required table first and reports both decisions', () => {
    const result = evaluateDecision(drg, 'highReliabilityFee', customer('overhead', 'supplier', 630));
    expect(result.ok).toBe(true);
    expect(result.evaluatedDecisions.map((d) => [d.decisionId, d.decisionType, d.decisionOutput])).toEqual([
      ['feePerKva', 'DECISION_TABLE', 190],
      ['highReliabilityFee', 'LITERAL_EXPRESSION', 119700],
    ]);
    expect(result.evaluatedDecisions[1]).toMatchObject({ matchedRules: [], evaluatedInputs: [] });
  });

  it('gives null without a rate and 0 without interconnection', () => {
    expect(evaluateDecision(drg, 'highReliabilityFee', customer('overhead', 'supplier', 630, 35))).toMatchObject({
      decisionOutput: null,
    });
    const notInterconnected = { ...customer('overhead', 'supplier', 630), circuitsInterconnected: false };
    expect(evaluateDecision(drg, 'highReliabilityFee', notInterconnected)).toMatchObject({ decisionOutput: 0 });
  });
});
