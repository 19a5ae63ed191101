/** DMN 1.3 for the engine: parse and validate a DMN resource, evaluate its decisions (Camunda 8 semantics). */
export { parseDmn } from './dmn-parser';
export { evaluateDecision } from './evaluation/drg-evaluator';
export { DmnValidationError, type DmnProblem } from './model/dmn-validation-error';
export type {
  CollectAggregation,
  DecisionRequirementsGraph,
  DecisionRule,
  DecisionTable,
  DecisionTableInput,
  DecisionTableOutput,
  ExecutableDecision,
  HitPolicy,
  LiteralExpression,
} from './model/executable-decision';
export type {
  DecisionEvaluation,
  DecisionType,
  EvaluatedDecision,
  EvaluatedInput,
  EvaluatedOutput,
  MatchedRule,
} from './evaluation/decision-evaluation';
