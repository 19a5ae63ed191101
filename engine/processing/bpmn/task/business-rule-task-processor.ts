import { evaluateValue } from '../../../feel/feel-evaluator';
import { enter, leave, terminateLeaf } from '../behavior/activity-behavior';
import { evaluateDeployedDecision } from '../behavior/decision-behavior';
import { completeElement, transitionToActivated } from '../behavior/element-lifecycle';
import { raiseIncident } from '../behavior/incident-behavior';
import { mergeResult, visibleVariables } from '../behavior/variable-behavior';
import type { ElementProcessor } from '../bpmn-context';
import { processorByElement } from './processor-by-element';
import { jobWorkerTaskProcessor } from './job-worker-task-processor';

/**
 * A business rule task with zeebe:calledDecision evaluates the latest version of the decision with the visible
 * variables; the output is its result variable. A missing decision or a failed evaluation is an incident, and
 * resolving it evaluates again (docs/zeebe-rules.md §1.7).
 */
const calledDecisionProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    if (!enter(ctx, element, instance)) return;
    const called = element.calledDecision!;
    const variables = visibleVariables(ctx, instance.key);
    const decisionId = evaluateValue(called.decisionId, variables, 'STRING');
    if (!decisionId.ok) return raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', decisionId.message);
    const decision = ctx.state.decisions.latest(String(decisionId.value));
    if (!decision) {
      return raiseIncident(
        ctx,
        instance,
        'CALLED_DECISION_ERROR',
        `Expected to evaluate decision '${decisionId.value}', but no decision found for id '${decisionId.value}'`,
      );
    }
    const result = evaluateDeployedDecision(ctx, decision, variables, instance);
    if (result.failureMessage) {
      return raiseIncident(ctx, instance, 'DECISION_EVALUATION_ERROR', result.failureMessage);
    }
    transitionToActivated(ctx, instance);
    mergeResult(ctx, instance, element.outputMappings.length > 0, { [called.resultVariable]: result.decisionOutput });
    completeElement(ctx, instance);
  },
  onComplete: leave,
  onTerminate: terminateLeaf,
};

/** A business rule task evaluates its called decision, or, with a task definition instead, is a job. */
export const businessRuleTaskProcessor = processorByElement((element) =>
  element.calledDecision ? calledDecisionProcessor : jobWorkerTaskProcessor,
);
