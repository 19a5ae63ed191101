import type { MigrateInstanceInput } from '../../engine-api';
import { failedPrecondition, invalidArgument, notFound } from '../../errors';
import type { ElementInstance } from '../../state/entities';
import { bpmnElementType } from '../../model/executable-model';
import type { CommandContext, CommandProcessor } from '../command-context';

/** Element kinds whose active instances can be migrated (semantics: at least service and user tasks). */
const MIGRATABLE = new Set(['serviceTask', 'userTask']);

/**
 * MigrateProcessInstance: moves a running instance to another process definition. Supported: instances whose
 * active elements are service or user tasks directly in the process, each mapped to an element of the same kind;
 * their jobs and user tasks follow. Anything else is refused with the reason, before anything changes.
 */
export const migrateInstanceProcessor: CommandProcessor<{ input: MigrateInstanceInput }, void> = (ctx, { input }) => {
  const root = ctx.state.elementInstances.get(input.processInstanceKey);
  if (!root || root.flowScopeKey !== -1 || root.state !== 'ELEMENT_ACTIVATED') {
    throw notFound(
      `Expected to migrate a running process instance with key '${input.processInstanceKey}', but none was found`,
    );
  }
  const target = ctx.state.processes.get(input.targetProcessDefinitionKey);
  if (!target) {
    throw notFound(
      `Expected to migrate process instance '${root.key}' to process definition with key '${input.targetProcessDefinitionKey}', but no such process definition was found`,
    );
  }
  const source = ctx.state.processes.model(root.processDefinitionKey);
  const targetModel = ctx.state.processes.model(target.key);
  const mapping = new Map(input.mappings.map((m) => [m.sourceElementId, m.targetElementId]));
  const moves = ctx.state.elementInstances.childrenOf(root.key).map((instance) => {
    const element = source.elements.get(instance.elementId)!;
    if (!MIGRATABLE.has(element.kind) || instance.bpmnElementType === 'MULTI_INSTANCE_BODY') {
      throw failedPrecondition(
        `Expected to migrate process instance '${root.key}', but active element '${instance.elementId}' is a ${bpmnElementType(element)}: only service and user tasks can be migrated yet`,
      );
    }
    if (ctx.state.subscriptions.ofOwner(instance.key).length > 0) {
      throw failedPrecondition(
        `Expected to migrate process instance '${root.key}', but active element '${instance.elementId}' has event subscriptions (boundary events): not supported yet`,
      );
    }
    const targetId = mapping.get(instance.elementId);
    if (!targetId) {
      throw invalidArgument(
        `Expected to migrate process instance '${root.key}', but no mapping instruction is given for active element '${instance.elementId}'`,
      );
    }
    const targetElement = targetModel.elements.get(targetId);
    if (
      !targetElement ||
      targetElement.kind !== element.kind ||
      targetElement.flowScopeId !== targetModel.bpmnProcessId
    ) {
      throw invalidArgument(
        `Expected to map active element '${instance.elementId}' to an element of the same kind at the top of process '${target.bpmnProcessId}', but '${targetId}' is not one`,
      );
    }
    return { instance, targetId };
  });
  const migrated = (instance: ElementInstance, elementId: string) => ({
    ...instance,
    processDefinitionKey: target.key,
    bpmnProcessId: target.bpmnProcessId,
    version: target.version,
    elementId,
  });
  ctx.writer.append('PROCESS_INSTANCE', 'ELEMENT_MIGRATED', root.key, migrated(root, target.bpmnProcessId));
  for (const { instance, targetId } of moves) {
    ctx.writer.append('PROCESS_INSTANCE', 'ELEMENT_MIGRATED', instance.key, migrated(instance, targetId));
    followingTasks(ctx, instance, target.key, target.bpmnProcessId, target.version, targetId);
  }
  ctx.writer.append('PROCESS_INSTANCE_MIGRATION', 'MIGRATED', root.key, {
    processInstanceKey: root.key,
    targetProcessDefinitionKey: target.key,
    mappingInstructions: input.mappings,
  });
};

/** The job or user task of a migrated element instance moves with it. */
function followingTasks(
  ctx: CommandContext,
  instance: ElementInstance,
  processDefinitionKey: number,
  bpmnProcessId: string,
  version: number,
  elementId: string,
): void {
  const job = instance.jobKey === undefined ? undefined : ctx.state.jobs.get(instance.jobKey);
  if (job) {
    ctx.writer.append('JOB', 'MIGRATED', job.key, {
      ...job,
      processDefinitionKey,
      bpmnProcessId,
      processDefinitionVersion: version,
      elementId,
    });
  }
  const task = instance.userTaskKey === undefined ? undefined : ctx.state.userTasks.get(instance.userTaskKey);
  if (task) {
    ctx.writer.append('USER_TASK', 'MIGRATED', task.key, {
      ...task,
      processDefinitionKey,
      bpmnProcessId,
      processDefinitionVersion: version,
      elementId,
    });
  }
}
