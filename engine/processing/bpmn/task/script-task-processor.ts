import { evaluateFeel } from '../../../feel/feel-evaluator';
import { enter, leave, terminateLeaf } from '../behavior/activity-behavior';
import { completeElement, transitionToActivated } from '../behavior/element-lifecycle';
import { raiseIncident } from '../behavior/incident-behavior';
import { mergeResult, visibleVariables } from '../behavior/variable-behavior';
import type { ElementProcessor } from '../bpmn-context';
import { processorByElement } from './processor-by-element';
import { jobWorkerTaskProcessor } from './job-worker-task-processor';

/** A script task with zeebe:script: the FEEL expression's result is its result variable. */
const feelScriptProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    if (!enter(ctx, element, instance)) return;
    const script = element.script!;
    const result = evaluateFeel(script.expression, visibleVariables(ctx, instance.key), 'ANY');
    if (!result.ok) {
      raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', result.message);
      return;
    }
    transitionToActivated(ctx, instance);
    mergeResult(ctx, instance, element.outputMappings.length > 0, { [script.resultVariable]: result.value });
    completeElement(ctx, instance);
  },
  onComplete: leave,
  onTerminate: terminateLeaf,
};

/** A script task runs its FEEL script, or, with a task definition instead, is done by a job worker. */
export const scriptTaskProcessor = processorByElement((element) =>
  element.script ? feelScriptProcessor : jobWorkerTaskProcessor,
);
