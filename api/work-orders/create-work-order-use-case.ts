/**
 * A new 95598 order: validate, find the serving unit (none → 422, nothing created), flag a repeated complaint
 * (within the window the decision `work-order-repeat-rules` gives for its category), reckon a fault repair's
 * arrival commitment (decision `work-order-time-limits`), save the order with its first history row in one transaction, then start the `work-order` process with the order number as
 * businessKey. If the process does not start, the order is removed again.
 */
import { WorkOrder, WorkOrderEvent } from '../../db/work-orders';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { appClock } from '../../lib/clock/app-clock';
import { AppError } from '../../lib/errors/app-error';
import { nextNumber } from '../../lib/numbering/next-number';
import { parseInput } from '../http/validate';
import { areaTypeOf, earlierComplaint, servingUnit, urgedOrder } from './order-facts';
import { arrivalDue } from './repair-commitments';
import { repeatWindowDays } from './repeat-rules';
import { createOrderInput } from './work-order-input';

export const PROCESS_ID = 'work-order';

export interface CreatedOrder {
  orderNo: string;
  processInstanceKey: string;
  handlingUnit: string;
  repeatedComplaint: boolean;
  relatedOrderNo: string | null;
}

export async function createWorkOrder(camunda: CamundaClients, body: unknown, actor: string): Promise<CreatedOrder> {
  const input = parseInput(createOrderInput, body, '工单');
  const unit = await servingUnit(input.area);
  const urged = input.orderType === 'urging' ? await urgedOrder(input.relatedOrderNo!) : null;
  const areaType = await areaTypeOf(input);
  // Asked before the transaction: no database lock is held while the engine answers.
  const windowDays = input.orderType === 'complaint' ? await repeatWindowDays(camunda, input.subType ?? null) : 0;
  const acceptedAt = appClock.now();
  const facts = { orderType: input.orderType, areaType, subType: input.subType ?? null, urgency: input.urgency };
  const arrivalDueAt = input.orderType === 'fault-repair' ? await arrivalDue(camunda, facts, acceptedAt) : null;
  const order = await WorkOrder.sequelize!.transaction(async (transaction) => {
    const earlier = await earlierComplaint(input, windowDays, transaction);
    const orderNo = await nextNumber('GD', transaction);
    const created = await WorkOrder.create(
      {
        orderNo,
        channel: input.channel,
        orderType: input.orderType,
        subType: input.subType ?? null,
        urgency: input.urgency,
        customerName: input.customerName,
        phone: input.phone,
        area: input.area,
        areaType,
        address: input.address,
        content: input.content,
        accountNo: input.accountNo ?? null,
        handlingUnit: unit.code,
        state: 'accepted',
        currentLevel: null,
        repeatedComplaint: earlier !== null,
        relatedOrderNo: urged?.orderNo ?? earlier?.orderNo ?? null,
        processInstanceKey: null,
        reply: null,
        satisfaction: null,
        repliedAt: null,
        onTime: null,
        archivedAt: null,
        handlingMinutes: null,
        acceptedAt,
        arrivalDueAt,
      },
      { transaction },
    );
    await WorkOrderEvent.create(
      {
        orderNo,
        kind: 'created',
        at: acceptedAt,
        actor,
        actorName: null,
        dedupKey: `created:${orderNo}`,
        level: null,
        comment: null,
      },
      { transaction },
    );
    return created;
  });
  const { orderNo } = order;
  try {
    const started = await camunda.zeebe.createProcessInstance({
      bpmnProcessId: PROCESS_ID,
      // null values stay: the DMN tables test subType and the like, and a missing variable is not null everywhere.
      variables: {
        businessKey: orderNo,
        orderNo,
        channel: order.channel,
        orderType: order.orderType,
        subType: order.subType,
        urgency: order.urgency,
        customerName: order.customerName,
        phone: order.phone,
        area: order.area,
        areaType: order.areaType,
        address: order.address,
        content: order.content,
        handlingUnit: order.handlingUnit,
        repeatedComplaint: order.repeatedComplaint,
        relatedOrderNo: order.relatedOrderNo,
        // A fault repair's limits count from acceptance (decision 0019); the dispatch steps set their level.
        acceptedAt: acceptedAt.toISOString(),
        dispatchLevel: null,
      } as Record<string, unknown> as never,
    });
    await order.update({ processInstanceKey: started.processInstanceKey });
    return {
      orderNo,
      processInstanceKey: started.processInstanceKey,
      handlingUnit: order.handlingUnit,
      repeatedComplaint: order.repeatedComplaint,
      relatedOrderNo: order.relatedOrderNo,
    };
  } catch (error) {
    await WorkOrderEvent.destroy({ where: { orderNo } });
    await order.destroy();
    throw new AppError(
      503,
      'PROCESS_NOT_STARTED',
      `流程启动失败，工单未保存 / the process did not start: ${String(error)}`,
    );
  }
}
