import type { Command } from './commands';
import type { CommandContext } from './command-context';
import { pinClockProcessor, resetClockProcessor } from './clock/clock-processors';
import { evaluateDecisionProcessor } from './decision/evaluate-decision-processor';
import { migrateInstanceProcessor } from './modification/migrate-instance-processor';
import { modifyInstanceProcessor } from './modification/modify-instance-processor';
import { deleteResourceProcessor } from './deployment/delete-resource-processor';
import { deployProcessor } from './deployment/deploy-processor';
import { resolveIncidentProcessor } from './incident/resolve-incident-processor';
import { cancelInstanceProcessor } from './instance/cancel-instance-processor';
import { createInstanceProcessor } from './instance/create-instance-processor';
import { setVariablesProcessor } from './instance/set-variables-processor';
import { completeJobProcessor } from './job/complete-job-processor';
import { failJobProcessor } from './job/fail-job-processor';
import { activateJobsProcessor } from './job/job-dispatch';
import { throwErrorProcessor } from './job/throw-error-processor';
import { correlateMessageProcessor, publishMessageProcessor } from './message/publish-message-processor';
import { broadcastSignal } from './signal/signal-broadcast';
import { triggerDueProcessor } from './timer/due-processor';
import {
  assignUserTaskProcessor,
  completeUserTaskProcessor,
  updateUserTaskProcessor,
} from './user-task/user-task-processors';
import { updateJobRetriesProcessor, updateJobTimeoutProcessor, yieldJobProcessor } from './job/update-job-processors';

type Processors = { [T in Command['type']]: (ctx: CommandContext, command: Extract<Command, { type: T }>) => unknown };

/** One processor per command type. */
const processors: Processors = {
  DEPLOY: deployProcessor,
  DELETE_RESOURCE: deleteResourceProcessor,
  CREATE_INSTANCE: createInstanceProcessor,
  CANCEL_INSTANCE: cancelInstanceProcessor,
  SET_VARIABLES: setVariablesProcessor,
  ACTIVATE_JOBS: activateJobsProcessor,
  // Serving waiting workers happens at the end of every batch; this command only makes a batch happen.
  DISPATCH_JOBS: () => undefined,
  COMPLETE_JOB: completeJobProcessor,
  FAIL_JOB: failJobProcessor,
  THROW_ERROR: throwErrorProcessor,
  UPDATE_JOB_RETRIES: updateJobRetriesProcessor,
  UPDATE_JOB_TIMEOUT: updateJobTimeoutProcessor,
  YIELD_JOB: yieldJobProcessor,
  RESOLVE_INCIDENT: resolveIncidentProcessor,
  TRIGGER_DUE: triggerDueProcessor,
  PIN_CLOCK: pinClockProcessor,
  RESET_CLOCK: resetClockProcessor,
  PUBLISH_MESSAGE: publishMessageProcessor,
  CORRELATE_MESSAGE: correlateMessageProcessor,
  ASSIGN_USER_TASK: assignUserTaskProcessor,
  UPDATE_USER_TASK: updateUserTaskProcessor,
  COMPLETE_USER_TASK: completeUserTaskProcessor,
  EVALUATE_DECISION: evaluateDecisionProcessor,
  MODIFY_INSTANCE: modifyInstanceProcessor,
  MIGRATE_INSTANCE: migrateInstanceProcessor,
  BROADCAST_SIGNAL: (ctx, { name, variables, tenantId }) => ({ key: broadcastSignal(ctx, name, variables, tenantId) }),
};

export function processCommand(ctx: CommandContext, command: Command): unknown {
  const processor = processors[command.type] as (ctx: CommandContext, command: Command) => unknown;
  return processor(ctx, command);
}
