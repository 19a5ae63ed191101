import type { DecisionResult, EvaluateDecisionInput, Variables } from '../../engine-api';
import { invalidArgument, notFound } from '../../errors';
import { evaluateDeployedDecision } from '../bpmn/behavior/decision-behavior';
import type { CommandProcessor } from '../command-context';

/** EvaluateDecision: a deployed decision by key, or the latest version of an id, with the given variables. */
export const evaluateDecisionProcessor: CommandProcessor<
  { input: EvaluateDecisionInput; variables: Variables },
  DecisionResult
> = (ctx, { input, variables }) => {
  if (!input.decisionKey && !input.decisionId) {
    throw invalidArgument('Expected either a decisionId or a decisionKey, but neither was given');
  }
  const decision = input.decisionKey
    ? ctx.state.decisions.decision(input.decisionKey)
    : ctx.state.decisions.latest(input.decisionId!);
  if (!decision) {
    throw notFound(
      input.decisionKey
        ? `Expected to evaluate decision with key '${input.decisionKey}', but no such decision was found`
        : `Expected to evaluate decision '${input.decisionId}', but no decision found for id '${input.decisionId}'`,
    );
  }
  return evaluateDeployedDecision(ctx, decision, variables);
};
