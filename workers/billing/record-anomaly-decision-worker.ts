/**
 * `billing.record-anomaly-decision`: after an anomaly's task, the person's decision (anomalyAction, anomalyValue,
 * anomalyReason, locals of the anomaly's sub-process) is recorded on the anomaly in their name; a decision the
 * form let through incomplete is an incident to correct, not a silent skip.
 */
import { decideAnomaly } from '../../domain/billing';
import { anomalyTaskActor } from '../../domain/billing';
import type { WorkerDefinition } from '../worker-definition';
import { ModelError, runJob, runOf } from './run-job';

export const recordAnomalyDecisionWorker: WorkerDefinition = {
  taskType: 'billing.record-anomaly-decision',
  variables: { inputs: ['runId', 'anomaly', 'anomalyAction', 'anomalyValue', 'anomalyReason'] },
  handle: (job, context) =>
    runJob(job, async () => {
      const run = await runOf(job);
      const anomaly = job.variables.anomaly as { anomalyId?: number } | undefined;
      if (!anomaly?.anomalyId) throw new ModelError('缺少流程变量 anomaly / missing variable "anomaly"');
      const actor = await anomalyTaskActor(context.camunda, job.processInstanceKey, anomaly.anomalyId);
      const decision = {
        action: job.variables.anomalyAction,
        value: typeof job.variables.anomalyValue === 'number' ? job.variables.anomalyValue : null,
        reason: job.variables.anomalyReason,
      };
      try {
        await decideAnomaly(context.sequelize, run, anomaly.anomalyId, decision, actor);
      } catch (error) {
        if ((error as { status?: number }).status === 400) throw new ModelError((error as Error).message);
        throw error;
      }
      return job.complete();
    }),
};
