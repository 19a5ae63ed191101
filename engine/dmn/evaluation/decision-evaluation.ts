/**
 * The result of evaluating a decision, shaped like Zeebe's DecisionEvaluation record: the output of the
 * decision asked for, and every decision evaluated on the way (required decisions first, in evaluation order).
 */
export type DecisionType = 'DECISION_TABLE' | 'LITERAL_EXPRESSION';

export interface EvaluatedInput {
  inputId: string;
  /** The input's label, else its expression. */
  inputName: string;
  inputValue: unknown;
}

export interface EvaluatedOutput {
  outputId: string;
  /** The output's name, else its label, else its id. */
  outputName: string;
  outputValue: unknown;
}

export interface MatchedRule {
  ruleId: string;
  /** 1-based position of the rule in the table. */
  ruleIndex: number;
  evaluatedOutputs: EvaluatedOutput[];
}

export interface EvaluatedDecision {
  decisionId: string;
  decisionName: string;
  decisionType: DecisionType;
  decisionOutput: unknown;
  /** Rules that made the output (after the hit policy); empty for a literal expression. */
  matchedRules: MatchedRule[];
  /** Empty for a literal expression. */
  evaluatedInputs: EvaluatedInput[];
}

export type DecisionEvaluation =
  | { ok: true; decisionOutput: unknown; evaluatedDecisions: EvaluatedDecision[] }
  | { ok: false; failedDecisionId: string; message: string; evaluatedDecisions: EvaluatedDecision[] };
