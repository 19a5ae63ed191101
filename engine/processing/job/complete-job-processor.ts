import type { Variables } from '../../engine-api';
import { completeElement, elementOf } from '../bpmn/behavior/element-lifecycle';
import { mergeResult } from '../bpmn/behavior/variable-behavior';
import type { CommandProcessor } from '../command-context';
import { jobFor, jobValue } from './job-lookup';

/** CompleteJob: the result merges into the task's scopes, then the task completes (output mappings on the way). */
export const completeJobProcessor: CommandProcessor<{ jobKey: number; variables: Variables }, void> = (
  ctx,
  { jobKey, variables },
) => {
  const job = jobFor(ctx, jobKey, 'complete', ['ACTIVATED', 'ACTIVATABLE']);
  ctx.writer.append('JOB', 'COMPLETED', jobKey, jobValue(job, { variables }));
  // A worker is free again: waiting jobs of the type may go to it.
  ctx.effects.jobTypesAvailable.add(job.type);
  const instance = ctx.state.elementInstances.get(job.elementInstanceKey);
  if (!instance) return;
  mergeResult(ctx, instance, elementOf(ctx, instance).outputMappings.length > 0, variables);
  completeElement(ctx, instance);
};
