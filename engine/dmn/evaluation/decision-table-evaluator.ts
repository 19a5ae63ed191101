/**
 * One decision table: evaluate the inputs in the variables context, match every rule's unary tests against
 * the input values, evaluate the outputs of the matching rules, and let the hit policy make the output.
 */
import { evaluateDmnExpression } from '../feel/dmn-expression';
import { evaluateUnaryTests } from '../feel/unary-tests';
import type { DecisionRule, DecisionTable, DecisionTableOutput } from '../model/executable-decision';
import type { EvaluatedInput, EvaluatedOutput } from './decision-evaluation';
import { applyHitPolicy, stopsAtFirstMatch } from './hit-policy/hit-policy';
import type { RuleHit } from './hit-policy/rule-hit';
import { checkTypeRef } from './type-ref-check';

export type TableEvaluation =
  | { ok: true; output: unknown; hits: RuleHit[]; evaluatedInputs: EvaluatedInput[] }
  | { ok: false; message: string; evaluatedInputs: EvaluatedInput[] };

type Step<T> = { ok: true; value: T } | { ok: false; message: string };

export function evaluateDecisionTable(table: DecisionTable, variables: Record<string, unknown>): TableEvaluation {
  const evaluatedInputs: EvaluatedInput[] = [];
  const inputValues: unknown[] = [];
  for (const input of table.inputs) {
    const inputName = input.label ?? input.expression;
    const result = evaluateDmnExpression(input.expression, variables);
    if (!result.ok)
      return { ok: false, message: `the input '${inputName}' failed: ${result.message}`, evaluatedInputs };
    const wrongType = checkTypeRef(result.json, input.typeRef);
    if (wrongType) {
      const message = `the input '${inputName}' ('${input.expression}') should be a '${input.typeRef}', but is ${wrongType}`;
      return { ok: false, message, evaluatedInputs };
    }
    evaluatedInputs.push({ inputId: input.id, inputName, inputValue: result.json });
    inputValues.push(result.value);
  }
  const hits: RuleHit[] = [];
  for (const [index, rule] of table.rules.entries()) {
    const matched = matchRule(rule, index, inputValues, variables);
    if (!matched.ok) return { ok: false, message: matched.message, evaluatedInputs };
    if (!matched.value) continue;
    const hit = evaluateOutputs(rule, index, table.outputs, variables);
    if (!hit.ok) return { ok: false, message: hit.message, evaluatedInputs };
    hits.push(hit.value);
    if (stopsAtFirstMatch(table)) break;
  }
  const result = applyHitPolicy(hits, table);
  return result.ok ? { ...result, evaluatedInputs } : { ok: false, message: result.message, evaluatedInputs };
}

function matchRule(
  rule: DecisionRule,
  index: number,
  inputValues: unknown[],
  variables: Record<string, unknown>,
): Step<boolean> {
  for (const [column, entry] of rule.inputEntries.entries()) {
    const result = evaluateUnaryTests(entry, inputValues[column], variables);
    if (!result.ok) {
      const where = `input entry ${column + 1} ('${entry}') of rule '${rule.id}' (rule ${index + 1})`;
      return { ok: false, message: `the ${where} failed: ${result.message}` };
    }
    if (!result.matches) return { ok: true, value: false };
  }
  return { ok: true, value: true };
}

function evaluateOutputs(
  rule: DecisionRule,
  index: number,
  outputs: DecisionTableOutput[],
  variables: Record<string, unknown>,
): Step<RuleHit> {
  const evaluatedOutputs: EvaluatedOutput[] = [];
  for (const [column, output] of outputs.entries()) {
    const entry = rule.outputEntries[column] ?? '';
    const outputName = output.name ?? output.label ?? output.id;
    const where = `output entry '${outputName}' ('${entry}') of rule '${rule.id}' (rule ${index + 1})`;
    const result = entry.trim() === '' ? { ok: true as const, json: null } : evaluateDmnExpression(entry, variables);
    if (!result.ok) return { ok: false, message: `the ${where} failed: ${result.message}` };
    const wrongType = checkTypeRef(result.json, output.typeRef);
    if (wrongType) return { ok: false, message: `the ${where} should be a '${output.typeRef}', but is ${wrongType}` };
    evaluatedOutputs.push({ outputId: output.id, outputName, outputValue: result.json });
  }
  const matchedRule = { ruleId: rule.id, ruleIndex: index + 1, evaluatedOutputs };
  return { ok: true, value: { rule: matchedRule, output: ruleOutput(outputs, evaluatedOutputs) } };
}

/** One output column → its value; several → an object keyed by the output names. */
function ruleOutput(outputs: DecisionTableOutput[], evaluated: EvaluatedOutput[]): unknown {
  if (outputs.length === 1) return evaluated[0].outputValue;
  return Object.fromEntries(evaluated.map((output) => [output.outputName, output.outputValue]));
}
