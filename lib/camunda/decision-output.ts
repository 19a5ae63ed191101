/**
 * Evaluates a deployed DMN decision through the engine (the same table the processes use) and answers its output,
 * parsed: an object for a table with several outputs, the bare value for one output, null when no rule matched.
 */
import type { CamundaClients } from './camunda-client';

/** The engine could not evaluate the decision (not deployed, a FEEL error, the engine unreachable). */
export class DecisionNotEvaluated extends Error {
  constructor(
    readonly decisionId: string,
    readonly reason: string,
  ) {
    super(`决策 ${decisionId} 无法求值 / decision "${decisionId}" could not be evaluated: ${reason}`);
  }
}

export async function decisionOutput(
  camunda: CamundaClients,
  decisionId: string,
  variables: Record<string, unknown>,
): Promise<unknown> {
  let response: Awaited<ReturnType<CamundaClients['zeebe']['evaluateDecision']>>;
  try {
    // Variables come from JSON (process variables, validated input); the SDK's JSONDoc type cannot say so.
    response = await camunda.zeebe.evaluateDecision({ decisionId, variables: variables as never });
  } catch (error) {
    throw new DecisionNotEvaluated(decisionId, (error as Error).message);
  }
  if (response.failureMessage) throw new DecisionNotEvaluated(decisionId, response.failureMessage);
  return JSON.parse(response.decisionOutput || 'null') as unknown;
}
