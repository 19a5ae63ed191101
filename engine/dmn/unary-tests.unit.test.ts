import { evaluateDecision } from './evaluation/drg-evaluator';
import { evaluateUnaryTests } from './feel/unary-tests';
import { loadFixture } from './fixtures/load-fixture';
import type { DecisionRequirementsGraph } from './model/executable-decision';

let drg: DecisionRequirementsGraph;
beforeAll(async () => {
  drg = await loadFixture('unary-tests.dmn');
});

function forms(variables: Record<string, unknown>): unknown {
  const result = evaluateDecision(drg, 'unaryTests', variables);
  if (!result.ok) throw new Error(result.message);
  return result.decisionOutput;
}

describe('unary tests of input entries', () => {
  it.each([
    [
      { capacityKva: 5, category: 'residential', threshold: 1 },
      ['range or comparison', 'list', 'variable', 'not list'],
    ],
    [{ capacityKva: 2, category: 'industrial', threshold: 10 }, ['not', 'range or comparison', 'function']],
    [{ capacityKva: 150, category: 'agricultural', threshold: 200 }, ['not', 'question mark', 'list', 'not list']],
    [{ capacityKva: 3, category: 'residential', threshold: 100 }, ['range or comparison', 'list']],
    [
      { capacityKva: 2000, category: 'commercial', threshold: 1500 },
      ['not', 'range or comparison', 'variable', 'not list'],
    ],
    // a missing capacity: `? > 100 and ? < 200` gives null (no match); null is none of 1, 2, 3
    [{ category: 'commercial' }, ['not', 'not list', 'null']],
  ])('%j → %j', (variables, expected) => {
    expect(forms(variables)).toEqual(expected);
  });
});

describe('evaluateUnaryTests', () => {
  it.each([
    ['-', null, true],
    ['', 'x', true],
    ['"a", ? > 5', 7, true],
    ['"a", ? > 5', 'a', true],
    ['"a", ? > 5', null, false],
    ['not(? > 5)', 3, true],
    ['not(? > 5)', 7, false],
    ['? = "is ? here"', 'is ? here', true],
    ['"?"', '?', true],
    ['[date("2024-01-01")..date("2024-12-31")]', null, false],
  ])('%s with %p → %p', (entry, input, expected) => {
    expect(evaluateUnaryTests(entry, input, {})).toEqual({ ok: true, matches: expected });
  });
});
