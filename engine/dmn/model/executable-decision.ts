/**
 * The executable form of a DMN resource: a decision requirements graph (one per file) and its decisions, with
 * every expression kept as FEEL text. Produced by parseDmn, evaluated by evaluateDecision.
 */
export type HitPolicy = 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';

export type CollectAggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface DecisionTableInput {
  id: string;
  label?: string;
  /** FEEL expression evaluated in the variables context. */
  expression: string;
  typeRef?: string;
}

export interface DecisionTableOutput {
  id: string;
  label?: string;
  /** Key of this output in the decision's result object; required when the table has several outputs. */
  name?: string;
  typeRef?: string;
  /** The output values list (e.g. `"high","medium","low"`) as values; earlier = higher priority. */
  outputValues?: unknown[];
}

export interface DecisionRule {
  id: string;
  /** One unary test per input ('-' or '' matches anything). */
  inputEntries: string[];
  /** One FEEL expression per output ('' gives null). */
  outputEntries: string[];
}

export interface DecisionTable {
  hitPolicy: HitPolicy;
  /** Only with hit policy COLLECT. */
  aggregation?: CollectAggregation;
  inputs: DecisionTableInput[];
  outputs: DecisionTableOutput[];
  rules: DecisionRule[];
}

export interface LiteralExpression {
  /** FEEL expression. */
  text: string;
  /** The decision's variable name (its `variable` element), else the decision id. */
  variableName: string;
  typeRef?: string;
}

interface DecisionCommon {
  id: string;
  name: string;
  versionTag?: string;
  /** Ids of the decisions this one requires directly, in document order. */
  requiredDecisionIds: string[];
}

export type ExecutableDecision = DecisionCommon &
  (
    | { decisionTable: DecisionTable; literalExpression?: undefined }
    | { literalExpression: LiteralExpression; decisionTable?: undefined }
  );

export interface DecisionRequirementsGraph {
  /** The id of the `definitions` element. */
  id: string;
  /** The name of the `definitions` element, else its id. */
  name: string;
  decisions: ExecutableDecision[];
}
