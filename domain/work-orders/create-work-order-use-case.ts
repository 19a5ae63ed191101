/**
 * A new 95598 order: validate, find the serving unit (none → 422, nothing created), flag a repeated complaint
 * (within the window the decision `work-order-repeat-rules` gives for its category), reckon a fault repair's
 * arrival commitment (decision `work-order-time-limits`), save the order with its first history row and the
 * request's idempotency key in one transaction, then start the `work-order` process with the order number as
 * businessKey. If the process does not start, the saved order waits for a retry with the same key or the start-up
 * repair (decision 0024).
 */
import type { Transaction } from 'sequelize';
import { WorkOrder, WorkOrderEvent } from '../../db/work-orders';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { startProcessOnce } from '../../lib/camunda/engine-api';
import { appClock } from '../../lib/clock/app-clock';
import { AppError } from '../../lib/errors/app-error';
import { createOnce } from '../idempotency';
import { nextNumber } from '../numbering';
import { parseInput } from '../../lib/validation/parse-input';
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

export async function createWorkOrder(
  camunda: CamundaClients,
  body: unknown,
  actor: string,
  idempotencyKey?: string,
): Promise<CreatedOrder> {
  const input = parseInput(createOrderInput, body, '工单');
  const request = { key: idempotencyKey, login: actor, scope: 'POST /work-orders', body: input };
  const answer = await createOnce(WorkOrder.sequelize!, request, {
    prepare: () => orderFacts(camunda, input),
    save: (transaction, facts) => saveOrder(input, facts, actor, transaction),
    finish: async (orderNo) => ({ status: 201, body: await startOrderProcess(camunda, orderNo) }),
  });
  return answer.body;
}

type OrderInput = ReturnType<typeof createOrderInput.parse>;

/** The serving unit, the urged order, the area type, the repeat window and a fault repair's arrival commitment. */
async function orderFacts(camunda: CamundaClients, input: OrderInput) {
  const unit = await servingUnit(input.area);
  const urged = input.orderType === 'urging' ? await urgedOrder(input.relatedOrderNo!) : null;
  const areaType = await areaTypeOf(input);
  // Asked before the transaction: no database lock is held while the engine answers.
  const windowDays = input.orderType === 'complaint' ? await repeatWindowDays(camunda, input.subType ?? null) : 0;
  const acceptedAt = appClock.now();
  const facts = { orderType: input.orderType, areaType, subType: input.subType ?? null, urgency: input.urgency };
  const arrivalDueAt = input.orderType === 'fault-repair' ? await arrivalDue(camunda, facts, acceptedAt) : null;
  return { unit, urged, areaType, windowDays, acceptedAt, arrivalDueAt };
}

async function saveOrder(
  input: OrderInput,
  { unit, urged, areaType, windowDays, acceptedAt, arrivalDueAt }: Awaited<ReturnType<typeof orderFacts>>,
  actor: string,
  transaction: Transaction,
): Promise<string> {
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
  return created.orderNo;
}

/**
 * Starts the process of a saved order unless the engine already has it (decision 0024): the creation's last step,
 * and the repair of one whose start failed or was cut short by a crash.
 */
export async function startOrderProcess(camunda: CamundaClients, orderNo: string): Promise<CreatedOrder> {
  const order = (await WorkOrder.findOne({ where: { orderNo } }))!;
  const answer = (processInstanceKey: string) => ({
    orderNo,
    processInstanceKey,
    handlingUnit: order.handlingUnit,
    repeatedComplaint: Boolean(order.repeatedComplaint),
    relatedOrderNo: order.relatedOrderNo,
  });
  if (order.processInstanceKey) return answer(order.processInstanceKey);
  try {
    const started = await startProcessOnce(
      camunda,
      PROCESS_ID,
      // null values stay: the DMN tables test subType and the like, and a missing variable is not null everywhere.
      {
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
        repeatedComplaint: Boolean(order.repeatedComplaint),
        relatedOrderNo: order.relatedOrderNo,
        // A fault repair's limits count from acceptance (decision 0019); the dispatch steps set their level.
        acceptedAt: order.acceptedAt.toISOString(),
        dispatchLevel: null,
      },
    );
    await order.update({ processInstanceKey: started.processInstanceKey });
    return answer(started.processInstanceKey);
  } catch (error) {
    throw new AppError(
      503,
      'PROCESS_NOT_STARTED',
      `工单 ${orderNo} 已保存，流程未能启动：请用同一 Idempotency-Key 重试，或待系统重启时补启 / order ${orderNo} is saved but its process did not start: retry with the same Idempotency-Key, or it starts at the next start-up (${String(error)})`,
      { orderNo },
    );
  }
}
