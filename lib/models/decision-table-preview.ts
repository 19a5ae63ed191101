/**
 * A test evaluation of a draft decision table, before it is deployed: the engine's public API evaluates only
 * deployed decisions, and deploying a draft to try it would make a version every case then runs (decision 0044).
 * It follows the DMN rules the engine follows for a single decision table (input expressions and output entries as
 * FEEL, input entries as unary tests with FEEL's `feelin`; hit policies UNIQUE, FIRST, ANY, RULE ORDER, COLLECT
 * without aggregation); what it cannot evaluate it says, rather than guess. After deployment the modeler tests
 * the deployed decision through the engine.
 */
import { DmnModdle } from 'dmn-moddle';
import { evaluate, unaryTest } from 'feelin';
import { childElements, type ModdleElement } from '../model-lint/moddle-walk';

export interface PreviewResult {
  decisionId: string;
  /**
   * One output per matched rule (FIRST, UNIQUE, ANY: at most one): the value itself when the table has one output
   * column, as DMN and the engine's EvaluateDecision give it, otherwise an object by output name.
   */
  outputs: unknown[];
  matchedRules: string[];
}

export class PreviewUnsupported extends Error {}

const text = (element: unknown): string => String((element as { text?: string } | undefined)?.text ?? '').trim();

function tableOf(definitions: ModdleElement, decisionId?: string) {
  const decisions = childElements(definitions, 'drgElement').filter((element) => element.$type === 'dmn:Decision');
  const decision = decisionId ? decisions.find((element) => element.id === decisionId) : decisions[0];
  const table = decision?.decisionLogic as ModdleElement | undefined;
  if (!decision || table?.$type !== 'dmn:DecisionTable')
    throw new PreviewUnsupported(`no decision table ${decisionId ?? ''}`.trim());
  return { decision, table };
}

function matches(entry: string, value: unknown, context: Record<string, unknown>): boolean {
  if (entry === '' || entry === '-') return true;
  return unaryTest(entry, { ...context, '?': value }).value === true;
}

export async function previewDecision(
  xml: string,
  variables: Record<string, unknown>,
  decisionId?: string,
): Promise<PreviewResult> {
  const { rootElement } = await DmnModdle().fromXML(xml);
  const { decision, table } = tableOf(rootElement as ModdleElement, decisionId);
  const policy = String(table.hitPolicy ?? 'UNIQUE');
  if (table.aggregation || !['UNIQUE', 'FIRST', 'ANY', 'RULE ORDER', 'COLLECT'].includes(policy))
    throw new PreviewUnsupported(`hit policy ${policy}${table.aggregation ? ` ${String(table.aggregation)}` : ''}`);
  const inputs = childElements(table, 'input').map((input) => evaluate(text(input.inputExpression), variables).value);
  const outputs = childElements(table, 'output');
  const matched = childElements(table, 'rule').filter((rule) =>
    childElements(rule, 'inputEntry').every((entry, index) => matches(text(entry), inputs[index], variables)),
  );
  const chosen = policy === 'FIRST' || policy === 'ANY' ? matched.slice(0, 1) : matched;
  if (policy === 'UNIQUE' && matched.length > 1)
    throw new PreviewUnsupported(
      `UNIQUE: ${matched.length} rules match (${matched.map((rule) => rule.id).join(', ')})`,
    );
  return {
    decisionId: String(decision.id),
    matchedRules: chosen.map((rule) => String(rule.id)),
    outputs: chosen.map((rule) => {
      const values = childElements(rule, 'outputEntry').map((entry) => evaluate(text(entry), variables).value);
      if (outputs.length === 1) return values[0];
      return Object.fromEntries(values.map((value, index) => [String(outputs[index]?.name ?? index), value]));
    }),
  };
}
