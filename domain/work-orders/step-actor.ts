/**
 * Who acted on a history row of an order: the person who completed the step's user task (task-actor.ts), or the
 * system for the automatic steps (the knowledge-base lookup, linking an urging order, archiving).
 */
import { Op } from 'sequelize';
import { WorkOrderEvent } from '../../db/work-orders';
import type { DomainServices } from '../domain-services';
import { taskActor } from './task-actor';

export interface RowActor {
  actor: string | null;
  actorName: string | null;
}

export const SYSTEM_ACTOR: RowActor = { actor: 'system', actorName: '系统' };

/** The user tasks whose completion ends in the unit's reply (回单), one per handling path. */
export const HANDLING_TASKS = ['restore', 'complaint-handle', 'report-handle', 'service-handle', 'feedback-handle'];

export interface StepOccasion {
  orderNo: string;
  /** The process instance whose user task was completed. */
  processInstanceKey: string;
  /** The user task(s) the row follows. */
  elementIds: string[];
  /** The rows this step writes (and, for dispatch, its level): earlier ones count the task's earlier completions. */
  kinds: string[];
  level?: string;
  dedupKey: string;
}

export async function stepActor(services: Pick<DomainServices, 'camunda'>, step: StepOccasion): Promise<RowActor> {
  const earlier = await WorkOrderEvent.count({
    where: {
      orderNo: step.orderNo,
      kind: step.kinds,
      ...(step.level ? { level: step.level } : {}),
      dedupKey: { [Op.ne]: step.dedupKey },
    },
  });
  const actor = await taskActor(services.camunda, step.processInstanceKey, step.elementIds, earlier + 1);
  return { actor: actor?.login ?? null, actorName: actor?.name ?? null };
}
