/**
 * A deployed DMN decision table as rows to show: its inputs and outputs (label and expression or name) and each
 * rule's entries as written (FEEL unary tests and expressions, `-` for any), with the rule's description.
 */
import { DmnModdle } from 'dmn-moddle';

export interface DecisionTableView {
  decisionId: string;
  name: string;
  description: string | null;
  hitPolicy: string;
  inputs: { label: string; expression: string }[];
  outputs: { label: string; name: string }[];
  rules: { description: string | null; inputs: string[]; outputs: string[] }[];
}

interface Node {
  $type: string;
  id?: string;
  name?: string;
  label?: string;
  text?: string;
  description?: string;
  hitPolicy?: string;
  drgElement?: Node[];
  decisionLogic?: Node;
  input?: Node[];
  output?: Node[];
  rule?: Node[];
  inputExpression?: Node;
  inputEntry?: Node[];
  outputEntry?: Node[];
}

const textOf = (node: Node | undefined): string => node?.text?.trim() ?? '';

/** `decisionId`'s table in `xml`; an error naming it when the XML has no such decision table. */
export async function readDecisionTable(xml: string, decisionId: string): Promise<DecisionTableView> {
  const { rootElement } = await DmnModdle().fromXML(xml);
  const decision = ((rootElement as Node).drgElement ?? []).find((element) => element.id === decisionId);
  const table = decision?.decisionLogic;
  if (!decision || table?.$type !== 'dmn:DecisionTable')
    throw new Error(`决策 ${decisionId} 不是决策表 / decision "${decisionId}" is not a decision table`);
  return {
    decisionId,
    name: decision.name ?? decisionId,
    description: decision.description?.trim() || null,
    hitPolicy: table.hitPolicy ?? 'UNIQUE',
    inputs: (table.input ?? []).map((input) => ({
      label: input.label ?? '',
      expression: textOf(input.inputExpression),
    })),
    outputs: (table.output ?? []).map((output) => ({ label: output.label ?? '', name: output.name ?? '' })),
    rules: (table.rule ?? []).map((rule) => ({
      description: rule.description?.trim() || null,
      inputs: (rule.inputEntry ?? []).map(textOf),
      outputs: (rule.outputEntry ?? []).map(textOf),
    })),
  };
}
