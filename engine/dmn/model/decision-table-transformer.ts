/** dmn:DecisionTable → DecisionTable: the structure only; expressions are checked by the validation. */
import { evaluateFeel } from '../../feel/feel-evaluator';
import { elementList, elementProperty, stringProperty, type ModdleElement } from '../../model/moddle-element';
import type { DmnProblem } from './dmn-validation-error';
import type {
  CollectAggregation,
  DecisionRule,
  DecisionTable,
  DecisionTableInput,
  DecisionTableOutput,
  HitPolicy,
} from './executable-decision';

const HIT_POLICIES: readonly HitPolicy[] = [
  'UNIQUE',
  'FIRST',
  'PRIORITY',
  'ANY',
  'COLLECT',
  'RULE ORDER',
  'OUTPUT ORDER',
];
const AGGREGATIONS: readonly CollectAggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

export function transformDecisionTable(
  decisionId: string,
  table: ModdleElement,
  problems: DmnProblem[],
): DecisionTable | undefined {
  const report = (message: string, elementId?: string) => problems.push({ decisionId, elementId, message });
  const hitPolicy = (stringProperty(table, 'hitPolicy') ?? 'UNIQUE') as HitPolicy;
  if (!HIT_POLICIES.includes(hitPolicy)) report(`the hit policy '${hitPolicy}' is not supported`);
  const aggregation = stringProperty(table, 'aggregation') as CollectAggregation | undefined;
  if (aggregation !== undefined && !AGGREGATIONS.includes(aggregation)) {
    report(`the aggregation '${aggregation}' is not supported`);
  }
  const inputs = elementList(table, 'input').map((input, index) => transformInput(input, index, report));
  const outputs = elementList(table, 'output').map((output, index) => transformOutput(output, index, report));
  if (hitPolicy === 'PRIORITY' || hitPolicy === 'OUTPUT ORDER') checkPriorities(hitPolicy, outputs, report);
  if (outputs.length === 0) report('the decision table has no output');
  const rules = elementList(table, 'rule').map((rule, index) => transformRule(rule, index));
  for (const rule of rules) {
    if (rule.inputEntries.length !== inputs.length || rule.outputEntries.length !== outputs.length) {
      report(
        `the rule has ${rule.inputEntries.length} input and ${rule.outputEntries.length} output entries, ` +
          `but the table has ${inputs.length} inputs and ${outputs.length} outputs`,
        rule.id,
      );
    }
  }
  return { hitPolicy, aggregation, inputs, outputs, rules };
}

function transformInput(
  input: ModdleElement,
  index: number,
  report: (message: string, elementId?: string) => void,
): DecisionTableInput {
  const id = input.id ?? `input ${index + 1}`;
  const expression = elementProperty(input, 'inputExpression');
  if (!expression) report('the input has no input expression', id);
  return {
    id,
    label: stringProperty(input, 'label'),
    expression: (expression && stringProperty(expression, 'text')) ?? '',
    typeRef: expression && stringProperty(expression, 'typeRef'),
  };
}

function transformOutput(
  output: ModdleElement,
  index: number,
  report: (message: string, elementId?: string) => void,
): DecisionTableOutput {
  const id = output.id ?? `output ${index + 1}`;
  const valuesElement = elementProperty(output, 'outputValues');
  const valuesText = valuesElement && stringProperty(valuesElement, 'text');
  const outputValues = valuesText?.trim() ? parseValueList(valuesText) : undefined;
  if (valuesText?.trim() && !outputValues) {
    report(`the output values '${valuesText}' are not a comma-separated list of values`, id);
  }
  return {
    id,
    label: stringProperty(output, 'label'),
    name: stringProperty(output, 'name'),
    typeRef: stringProperty(output, 'typeRef'),
    outputValues,
  };
}

/** PRIORITY and OUTPUT ORDER rank rules by the output values lists: at least one output needs one. */
function checkPriorities(
  hitPolicy: HitPolicy,
  outputs: DecisionTableOutput[],
  report: (message: string, elementId?: string) => void,
): void {
  if (outputs.length > 0 && outputs.every((output) => !output.outputValues)) {
    report(`the hit policy ${hitPolicy} needs output values (a priority list) on at least one output`);
  }
}

function transformRule(rule: ModdleElement, index: number): DecisionRule {
  return {
    id: rule.id ?? `rule ${index + 1}`,
    inputEntries: elementList(rule, 'inputEntry').map((entry) => stringProperty(entry, 'text') ?? ''),
    outputEntries: elementList(rule, 'outputEntry').map((entry) => stringProperty(entry, 'text') ?? ''),
  };
}

/** `"high","medium","low"` → ['high', 'medium', 'low']; undefined when the text is not a list of values. */
function parseValueList(text: string): unknown[] | undefined {
  const result = evaluateFeel(`[${text}]`, {});
  return result.ok && Array.isArray(result.value) ? result.value : undefined;
}
