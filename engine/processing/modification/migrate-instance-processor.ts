import type { MigrateInstanceInput } from '../../engine-api';
import { failedPrecondition, invalidArgument, notFound } from '../../errors';
import type { ElementInstance } from '../../state/entities';
import type { EventSubscription } from '../../state/event-entities';
import { bpmnElementType, type ExecutableProcess } from '../../model/executable-model';
import {
  closeSubscription,
  openPlannedSubscription,
  plannedBoundarySubscriptions,
} from '../bpmn/behavior/subscription-behavior';
import { subscriptionValueType } from '../bpmn/behavior/subscription-records';
import type { CommandContext, CommandProcessor } from '../command-context';

/** Element kinds whose active instances can be migrated: service and user tasks, and the subprocesses around them. */
const MIGRATABLE = new Set(['serviceTask', 'userTask', 'subProcess']);

type ProcessFields = Pick<ElementInstance, 'processDefinitionKey' | 'bpmnProcessId' | 'version'>;

/** What happens to one active element instance: its target element and what becomes of its boundary events. */
interface Move {
  instance: ElementInstance;
  targetId: string;
  /** Subscriptions kept, each now waiting for the mapped boundary event of the target. */
  kept: Array<{ subscription: EventSubscription; catchElementId: string; interrupting: boolean }>;
  /** Subscriptions of boundary events the mapping drops. */
  closed: EventSubscription[];
  /** Subscriptions of the target's boundary events that nothing was mapped to, opened new. */
  opened: Array<Omit<EventSubscription, 'key'>>;
}

/**
 * MigrateProcessInstance: moves a running instance to another process definition. Each active element instance
 * (service and user tasks, embedded subprocesses, at any depth) is mapped to an element of the same kind whose flow
 * scope is the one its own flow scope is mapped to. Jobs and user tasks follow with their state (a user task keeps
 * its assignee). A boundary event mapped to one of the target keeps its subscription (a timer its due date); one not
 * mapped is closed; the target's boundary events nothing maps to are subscribed. Everything is checked, and every
 * new subscription evaluated, before anything changes; a refusal says why.
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
  const plan: MigrationPlan = {
    root,
    source: ctx.state.processes.model(root.processDefinitionKey),
    target: ctx.state.processes.model(target.key),
    targetFields: { processDefinitionKey: target.key, bpmnProcessId: target.bpmnProcessId, version: target.version },
    mapping: new Map(input.mappings.map((m) => [m.sourceElementId, m.targetElementId])),
  };
  const waiting = ctx.state.subscriptions.ofOwner(root.key)[0];
  if (waiting) {
    throw failedPrecondition(
      `Expected to migrate process instance '${root.key}', but it waits for '${waiting.catchElementId}' (an event subprocess): migrating event subprocess subscriptions is not supported yet`,
    );
  }
  const moves: Move[] = [];
  const visit = (scope: ElementInstance): void => {
    for (const instance of ctx.state.elementInstances.childrenOf(scope.key)) {
      moves.push(planMove(ctx, plan, scope, instance));
      visit(instance);
    }
  };
  visit(root);

  const migrated = (instance: ElementInstance, elementId: string) => ({
    ...instance,
    ...plan.targetFields,
    elementId,
    sourceProcessDefinitionKey: instance.processDefinitionKey,
    sourceElementId: instance.elementId,
  });
  ctx.writer.append('PROCESS_INSTANCE', 'ELEMENT_MIGRATED', root.key, migrated(root, target.bpmnProcessId));
  for (const move of moves) {
    ctx.writer.append(
      'PROCESS_INSTANCE',
      'ELEMENT_MIGRATED',
      move.instance.key,
      migrated(move.instance, move.targetId),
    );
    followingTasks(ctx, move.instance, target.key, target.bpmnProcessId, target.version, move.targetId);
    for (const incident of ctx.state.incidents.ofElementInstance(move.instance.key)) {
      const { key, ...value } = incident;
      ctx.writer.append('INCIDENT', 'MIGRATED', key, {
        ...value,
        processDefinitionKey: target.key,
        bpmnProcessId: target.bpmnProcessId,
        elementId: move.targetId,
        sourceProcessDefinitionKey: incident.processDefinitionKey,
        sourceElementId: incident.elementId,
      });
    }
    for (const subscription of move.closed) closeSubscription(ctx, subscription);
    for (const { subscription, catchElementId, interrupting } of move.kept) {
      const { key, ...value } = subscription;
      ctx.writer.append(subscriptionValueType(subscription), 'MIGRATED', key, {
        ...value,
        ...plan.targetFields,
        catchElementId,
        interrupting,
      });
    }
    for (const subscription of move.opened) openPlannedSubscription(ctx, subscription);
  }
  ctx.writer.append('PROCESS_INSTANCE_MIGRATION', 'MIGRATED', root.key, {
    processInstanceKey: root.key,
    targetProcessDefinitionKey: target.key,
    mappingInstructions: input.mappings,
  });
};

interface MigrationPlan {
  root: ElementInstance;
  source: ExecutableProcess;
  target: ExecutableProcess;
  targetFields: ProcessFields;
  mapping: Map<string, string>;
}

function planMove(ctx: CommandContext, plan: MigrationPlan, scope: ElementInstance, instance: ElementInstance): Move {
  const { root, source, target, mapping } = plan;
  const refuse = (reason: string) =>
    failedPrecondition(`Expected to migrate process instance '${root.key}', but ${reason}`);
  const element = source.elements.get(instance.elementId)!;
  if (!MIGRATABLE.has(element.kind) || instance.bpmnElementType === 'MULTI_INSTANCE_BODY') {
    throw refuse(
      `active element '${instance.elementId}' is a ${instance.bpmnElementType === 'MULTI_INSTANCE_BODY' ? 'multi-instance body' : bpmnElementType(element)}: only service tasks, user tasks and embedded subprocesses can be migrated yet`,
    );
  }
  const targetId = mapping.get(instance.elementId);
  if (!targetId) {
    throw invalidArgument(
      `Expected to migrate process instance '${root.key}', but no mapping instruction is given for active element '${instance.elementId}'`,
    );
  }
  const targetElement = target.elements.get(targetId);
  const expectedScope = scope.key === root.key ? target.bpmnProcessId : mapping.get(scope.elementId)!;
  if (!targetElement || targetElement.kind !== element.kind || targetElement.flowScopeId !== expectedScope) {
    throw invalidArgument(
      `Expected to map active element '${instance.elementId}' to an element of the same kind in '${expectedScope}' (where its flow scope goes) of process '${target.bpmnProcessId}', but '${targetId}' is not one`,
    );
  }
  const move: Move = { instance, targetId, kept: [], closed: [], opened: [] };
  const mappedTo = new Set<string>();
  for (const subscription of ctx.state.subscriptions.ofOwner(instance.key)) {
    const catchElement = source.elements.get(subscription.catchElementId)!;
    if (catchElement.kind !== 'boundaryEvent') {
      throw refuse(
        `active element '${instance.elementId}' waits for '${subscription.catchElementId}', which is not a boundary event: migrating event subprocess subscriptions is not supported yet`,
      );
    }
    const catchTargetId = mapping.get(catchElement.id);
    if (!catchTargetId) {
      move.closed.push(subscription);
      continue;
    }
    const catchTarget = target.elements.get(catchTargetId);
    if (
      !catchTarget ||
      catchTarget.kind !== 'boundaryEvent' ||
      catchTarget.attachedToId !== targetId ||
      catchTarget.eventKind !== catchElement.eventKind
    ) {
      throw invalidArgument(
        `Expected to map boundary event '${catchElement.id}' to a ${catchElement.eventKind} boundary event attached to '${targetId}', but '${catchTargetId}' is not one`,
      );
    }
    mappedTo.add(catchTargetId);
    move.kept.push({ subscription, catchElementId: catchTargetId, interrupting: catchTarget.cancelActivity !== false });
  }
  const added = (targetElement.boundaryEventIds ?? [])
    .filter((id) => !mappedTo.has(id))
    .map((id) => target.elements.get(id)!);
  const planned = plannedBoundarySubscriptions(ctx, { ...instance, ...plan.targetFields }, added);
  if (!planned.ok) {
    throw refuse(`a boundary event of '${targetId}' could not be subscribed: ${planned.message}`);
  }
  move.opened = planned.subscriptions;
  return move;
}

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
