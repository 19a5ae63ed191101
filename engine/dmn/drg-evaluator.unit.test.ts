import { evaluateDecision } from './evaluation/drg-evaluator';
import { loadFixture } from './fixtures/load-fixture';

describe('evaluateDecision: required decisions and literal expressions', () => {
  it('evaluates a diamond of requirements depth first, each decision once', async () => {
    const drg = await loadFixture('required-decisions.dmn');
    const result = evaluateDecision(drg, 'reviewSummary', { capacityKva: 400 });
    expect(result).toMatchObject({ ok: true, decisionOutput: 'provincial review within 15 working days' });
    expect(result.evaluatedDecisions.map((d) => [d.decisionId, d.decisionOutput])).toEqual([
      ['capacityClass', 'large'],
      ['reviewLevel', 'provincial'],
      ['timeLimitDays', 15],
      ['reviewSummary', 'provincial review within 15 working days'],
    ]);
    const small = evaluateDecision(drg, 'reviewSummary', { capacityKva: 100 });
    expect(small).toMatchObject({ ok: true, decisionOutput: 'county review within 5 working days' });
  });

  it('gives the output of a required decision precedence over a variable of the same name', async () => {
    const drg = await loadFixture('required-decisions.dmn');
    const result = evaluateDecision(drg, 'reviewLevel', { capacityKva: 400, capacityClass: 'small' });
    expect(result).toMatchObject({ ok: true, decisionOutput: 'provincial' });
  });

  it('returns a literal expression’s value, a context with a list inside', async () => {
    const drg = await loadFixture('required-decisions.dmn');
    const result = evaluateDecision(drg, 'applicantCard', { customerName: '国网示范客户', capacityKva: 630 });
    expect(result).toEqual({
      ok: true,
      decisionOutput: { name: '国网示范客户', capacity: 630, tags: ['dual supply', 'important'] },
      evaluatedDecisions: [
        {
          decisionId: 'applicantCard',
          decisionName: 'Applicant card',
          decisionType: 'LITERAL_EXPRESSION',
          decisionOutput: { name: '国网示范客户', capacity: 630, tags: ['dual supply', 'important'] },
          matchedRules: [],
          evaluatedInputs: [],
        },
      ],
    });
  });

  it('fails when a literal expression’s value does not fit its type', async () => {
    const drg = await loadFixture('required-decisions.dmn');
    expect(evaluateDecision(drg, 'wrongType', { capacityKva: 5 })).toEqual({
      ok: false,
      failedDecisionId: 'wrongType',
      message:
        "Expected to evaluate decision 'wrongType', but the result of the expression 'capacityKva * 2' should be a " +
        "'string', but is the number 10",
      evaluatedDecisions: [],
    });
  });

  it('fails for a decision id the graph does not have', async () => {
    const drg = await loadFixture('required-decisions.dmn');
    expect(evaluateDecision(drg, 'nope', {})).toEqual({
      ok: false,
      failedDecisionId: 'nope',
      message:
        "Expected to find the decision 'nope' in the decision requirements graph 'required-decisions', but it does not exist",
      evaluatedDecisions: [],
    });
  });
});

describe('evaluateDecision: failures', () => {
  it('fails readably when an input value has the wrong type', async () => {
    const drg = await loadFixture('failures.dmn');
    expect(evaluateDecision(drg, 'amountCheck', { amount: 'ten' })).toEqual({
      ok: false,
      failedDecisionId: 'amountCheck',
      message:
        "Expected to evaluate decision 'amountCheck', but the input 'Amount' ('amount') should be a 'number', " +
        'but is the string "ten"',
      evaluatedDecisions: [],
    });
  });

  it('fails readably when an input expression cannot give a value', async () => {
    const drg = await loadFixture('failures.dmn');
    expect(evaluateDecision(drg, 'functionInput', {})).toMatchObject({
      ok: false,
      failedDecisionId: 'functionInput',
      message:
        "Expected to evaluate decision 'functionInput', but the input 'Function' failed: failed to evaluate " +
        "expression 'abs': the result is a function, which cannot be stored as a variable",
    });
  });

  it('names the required decision that failed and keeps the decisions evaluated before it', async () => {
    const drg = await loadFixture('failures.dmn');
    expect(evaluateDecision(drg, 'afterAmountCheck', { amount: 2000 })).toMatchObject({
      ok: true,
      decisionOutput: 'review',
    });
    const missing = evaluateDecision(drg, 'afterAmountCheck', { amount: null });
    expect(missing).toMatchObject({ ok: true, decisionOutput: 'pass' });
    const result = evaluateDecision(drg, 'afterAmountCheck', { amount: [1] });
    expect(result).toMatchObject({ ok: false, failedDecisionId: 'amountCheck', evaluatedDecisions: [] });
  });

  it('never throws, even on a graph that was not validated', () => {
    const cyclic = {
      id: 'd',
      name: 'd',
      decisions: [
        { id: 'a', name: 'a', requiredDecisionIds: ['b'], literalExpression: { text: 'b', variableName: 'a' } },
        { id: 'b', name: 'b', requiredDecisionIds: ['a'], literalExpression: { text: 'a', variableName: 'b' } },
      ],
    };
    expect(evaluateDecision(cyclic, 'a', {})).toMatchObject({ ok: false, failedDecisionId: 'a' });
    const broken = {
      id: 'd',
      name: 'd',
      decisions: [
        { id: 'x', name: 'x', requiredDecisionIds: [], literalExpression: { text: '1 +', variableName: 'x' } },
      ],
    };
    expect(evaluateDecision(broken, 'x', {})).toMatchObject({ ok: false, failedDecisionId: 'x' });
  });
});
