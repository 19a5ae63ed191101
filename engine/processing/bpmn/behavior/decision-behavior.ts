import type { DecisionResult, Variables } from '../../../engine-api';
import { evaluateDecision } from '../../../dmn';
import type { Decision, ElementInstance } from '../../../state/entities';
import type { BpmnContext } from '../bpmn-context';

/**
 * Evaluates a deployed decision and keeps the evaluation as a decision instance (a DECISION_EVALUATION record,
 * EVALUATED or FAILED) with its inputs, matched rules and outputs, and the element that asked for it, if any.
 */
export function evaluateDeployedDecision(
  ctx: BpmnContext,
  decision: Decision,
  variables: Variables,
  requestedBy?: ElementInstance,
): DecisionResult {
  const graph = ctx.state.decisions.graph(decision.decisionRequirementsKey);
  const evaluation = evaluateDecision(graph, decision.decisionId, variables);
  // The decisions evaluated are those of the same decision requirements graph (not the latest of each id).
  const siblings = ctx.state.decisions.decisionsOf(decision.decisionRequirementsKey);
  const versionOf = (decisionId: string) => siblings.find((d) => d.decisionId === decisionId);
  const result: DecisionResult = {
    decisionInstanceKey: ctx.state.keys.next(),
    decisionKey: decision.key,
    decisionId: decision.decisionId,
    decisionName: decision.name,
    decisionVersion: decision.version,
    decisionRequirementsId: decision.decisionRequirementsId,
    decisionRequirementsKey: decision.decisionRequirementsKey,
    decisionOutput: evaluation.ok ? evaluation.decisionOutput : null,
    evaluatedDecisions: evaluation.evaluatedDecisions.map((evaluated) => ({
      ...evaluated,
      decisionKey: versionOf(evaluated.decisionId)?.key ?? decision.key,
      decisionVersion: versionOf(evaluated.decisionId)?.version ?? decision.version,
      tenantId: decision.tenantId,
    })),
    failedDecisionId: evaluation.ok ? '' : evaluation.failedDecisionId,
    failureMessage: evaluation.ok ? '' : evaluation.message,
    tenantId: decision.tenantId,
  };
  const { decisionInstanceKey, ...value } = result;
  ctx.writer.append('DECISION_EVALUATION', evaluation.ok ? 'EVALUATED' : 'FAILED', decisionInstanceKey, {
    ...value,
    variables,
    processInstanceKey: requestedBy?.processInstanceKey ?? -1,
    processDefinitionKey: requestedBy?.processDefinitionKey ?? -1,
    bpmnProcessId: requestedBy?.bpmnProcessId ?? '',
    elementInstanceKey: requestedBy?.key ?? -1,
    elementId: requestedBy?.elementId ?? '',
  });
  return result;
}
