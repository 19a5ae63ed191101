import { evaluateDecision } from './evaluation/drg-evaluator';
import type { DecisionEvaluation } from './evaluation/decision-evaluation';
import { loadFixture } from './fixtures/load-fixture';
import type { DecisionRequirementsGraph } from './model/executable-decision';

let drg: DecisionRequirementsGraph;
beforeAll(async () => {
  drg = await loadFixture('hit-policies.dmn');
});

function output(decisionId: string, variables: Record<string, unknown>): unknown {
  const result = evaluateDecision(drg, decisionId, variables);
  if (!result.ok) throw new Error(result.message);
  return result.decisionOutput;
}

/** Ids of the rules the hit policy kept, in result order. */
function ruleIds(result: DecisionEvaluation): string[] {
  return result.evaluatedDecisions.flatMap((d) => d.matchedRules.map((rule) => rule.ruleId));
}

describe('UNIQUE (tariff structure: <= 100 kVA single-part, 100-315 customer choice, >= 315 two-part)', () => {
  it.each([
    [50, 'single-part'],
    [100, 'single-part'],
    [100.5, 'customer choice'],
    [314, 'customer choice'],
    [315, 'two-part'],
    [8000, 'two-part'],
  ])('%p kVA → %p', (capacityKva, expected) => {
    expect(output('tariffStructure', { capacityKva })).toBe(expected);
  });

  it('gives null when no rule matches (a missing input compares with nothing)', () => {
    expect(output('tariffStructure', {})).toBeNull();
  });

  it('records the evaluated input and the matched rule', () => {
    const result = evaluateDecision(drg, 'tariffStructure', { capacityKva: 200 });
    expect(result).toEqual({
      ok: true,
      decisionOutput: 'customer choice',
      evaluatedDecisions: [
        {
          decisionId: 'tariffStructure',
          decisionName: 'Tariff structure',
          decisionType: 'DECISION_TABLE',
          decisionOutput: 'customer choice',
          evaluatedInputs: [{ inputId: 'Input_tariffStructure_1', inputName: 'Capacity (kVA)', inputValue: 200 }],
          matchedRules: [
            {
              ruleId: 'Rule_tariff_choice',
              ruleIndex: 2,
              evaluatedOutputs: [
                { outputId: 'Output_tariffStructure_1', outputName: 'tariffStructure', outputValue: 'customer choice' },
              ],
            },
          ],
        },
      ],
    });
  });

  it('fails when two rules match, naming both', () => {
    expect(output('overlappingTariff', { capacityKva: 50 })).toBe('single-part');
    const result = evaluateDecision(drg, 'overlappingTariff', { capacityKva: 200 });
    expect(result).toEqual({
      ok: false,
      failedDecisionId: 'overlappingTariff',
      message:
        "Expected to evaluate decision 'overlappingTariff', but the hit policy UNIQUE allows at most one matching rule " +
        "and 2 rules matched: 'Rule_overlap_single' (rule 1) and 'Rule_overlap_two' (rule 2)",
      evaluatedDecisions: [],
    });
  });
});

describe('FIRST (power-factor standard)', () => {
  it.each([
    ['agricultural', 200, 0.8, 'Rule_pf_agricultural'],
    ['industrial', 200, 0.9, 'Rule_pf_industrial'],
    ['industrial', 120, 0.85, 'Rule_pf_others'],
    ['commercial', 100, 0.85, 'Rule_pf_others'],
    ['agricultural', 99, null, 'Rule_pf_none'],
  ])('%p, %p kVA → %p by %p only', (category, capacityKva, expected, ruleId) => {
    const result = evaluateDecision(drg, 'powerFactorStandard', { category, capacityKva });
    expect(result).toMatchObject({ ok: true, decisionOutput: expected });
    expect(ruleIds(result)).toEqual([ruleId]);
  });
});

describe('PRIORITY (output values "high","medium","low")', () => {
  it.each([
    [500, 'hospital', 'high', 'Rule_level_hospital'],
    [500, 'shop', 'medium', 'Rule_level_large'],
    [50, 'shop', 'low', 'Rule_level_default'],
    [50, 'hospital', 'high', 'Rule_level_hospital'],
  ])('%p kVA, %p → %p', (capacityKva, customerType, expected, ruleId) => {
    const result = evaluateDecision(drg, 'serviceLevel', { capacityKva, customerType });
    expect(result).toMatchObject({ ok: true, decisionOutput: expected });
    expect(ruleIds(result)).toEqual([ruleId]);
  });
});

describe('ANY', () => {
  it('gives the common output of several matching rules', () => {
    expect(output('meteringSide', { capacityKva: 50 })).toBe('low-voltage side');
    expect(output('meteringSide', { capacityKva: 200 })).toBe('high-voltage side');
    const result = evaluateDecision(drg, 'meteringSide', { capacityKva: 500 });
    expect(result).toMatchObject({ ok: true, decisionOutput: 'high-voltage side' });
    expect(ruleIds(result)).toEqual(['Rule_meter_high']);
  });

  it('fails when matching rules disagree, naming two of them', () => {
    const result = evaluateDecision(drg, 'meteringSide', { capacityKva: 2000 });
    expect(result).toMatchObject({
      ok: false,
      failedDecisionId: 'meteringSide',
      message:
        "Expected to evaluate decision 'meteringSide', but the hit policy ANY allows several matching rules only with " +
        "the same output, and 'Rule_meter_high' (rule 2) and 'Rule_meter_large' (rule 4) give different outputs",
    });
  });
});

describe('COLLECT', () => {
  it('lists the outputs of all matching rules', () => {
    expect(output('requiredDocuments', { customerKind: 'enterprise', capacityKva: 400 })).toEqual([
      'application form',
      'business licence',
      'electrical load list',
    ]);
    expect(output('requiredDocuments', { customerKind: 'resident', capacityKva: 10 })).toEqual([
      'application form',
      'ID card',
    ]);
  });

  it('gives an empty list when no rule matches', () => {
    expect(output('requiredDocuments', { customerKind: 'other', capacityKva: 10 })).toEqual([]);
  });

  const works = (meterMoved: boolean, voltageChanged: boolean, accountsSplit: boolean) => ({
    meterMoved,
    voltageChanged,
    accountsSplit,
  });

  it.each([
    ['worksTotal', works(true, true, true), 750],
    ['worksTotal', works(true, false, true), 250],
    ['worksTotal', works(false, false, false), null],
    ['worksMin', works(true, true, true), 50],
    ['worksMin', works(true, true, false), 200],
    ['worksMin', works(false, false, false), null],
    ['worksMax', works(true, true, true), 500],
    ['worksMax', works(true, false, true), 200],
    ['worksCount', works(true, true, true), 3],
    ['worksCount', works(false, true, false), 1],
    ['worksCount', works(false, false, false), 0],
  ])('%s of %j → %p', (decisionId, variables, expected) => {
    expect(output(decisionId, variables)).toBe(expected);
  });

  it('keeps every matching rule in the evaluation record of an aggregation', () => {
    const result = evaluateDecision(drg, 'worksTotal', works(true, false, true));
    expect(ruleIds(result)).toEqual(['Rule_worksTotal_meter', 'Rule_worksTotal_accounts']);
  });
});

describe('RULE ORDER (two outputs → objects keyed by output name)', () => {
  it('lists the matching rules in table order', () => {
    expect(output('applicationChecks', { capacityKva: 500, dualSupply: true })).toEqual([
      { check: 'identity', mandatory: true },
      { check: 'load calculation', mandatory: true },
      { check: 'high-reliability fee', mandatory: true },
    ]);
    expect(output('applicationChecks', { capacityKva: 50, dualSupply: false })).toEqual([
      { check: 'identity', mandatory: true },
      { check: 'simplified acceptance', mandatory: false },
    ]);
  });
});

describe('OUTPUT ORDER (output values "critical","warning","notice")', () => {
  it('sorts the matching rules by output priority', () => {
    const result = evaluateDecision(drg, 'overdueAlerts', { overdueDays: 7 });
    expect(result).toMatchObject({ ok: true, decisionOutput: ['critical', 'warning', 'notice'] });
    expect(ruleIds(result)).toEqual(['Rule_alert_critical', 'Rule_alert_warning', 'Rule_alert_notice']);
    expect(output('overdueAlerts', { overdueDays: 3 })).toEqual(['warning', 'notice']);
    expect(output('overdueAlerts', { overdueDays: 0 })).toEqual([]);
  });
});
