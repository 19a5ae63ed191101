/**
 * The steps of the 95598 work-order process, each kept in the order's history once (the `occasion` — the process
 * step's job — deduplicates) with the change it makes to the order: the knowledge-base answer, each level's
 * dispatch, the reply, the review, the callback (an unsatisfied customer reopens the order), an urging or a
 * supervision passed on to the handling unit, the link of an urging order, and the archive. Every row names who
 * acted (step-actor.ts).
 */
import { WorkOrderEvent, type WorkOrder } from '../../db/work-orders';
import { appClock } from '../../lib/clock/app-clock';
import type { DomainServices } from '../domain-services';
import { notify } from '../notifications';
import { bestAnswer } from './knowledge-repository';
import { repairCommitments } from './repair-commitments';
import { HANDLING_TASKS, SYSTEM_ACTOR, stepActor } from './step-actor';
import { recordOrderEvent } from './work-order-repository';

const now = (): Date => appClock.now();

/** For a consultation or query: the best-matching article becomes the suggested answer the agent confirms. */
export async function answerFromKnowledge(orderNo: string, content: string, occasion: string) {
  const article = await bestAnswer(content);
  await recordOrderEvent(
    {
      orderNo,
      kind: 'knowledge-lookup',
      dedupKey: `kb:${occasion}`,
      at: now(),
      comment: article ? `知识库：${article.title}` : '知识库无匹配答案',
      ...SYSTEM_ACTOR,
    },
    () => ({ state: 'answering' }),
  );
  return { answer: article?.content ?? '', kbArticleId: article?.id ?? null, answerResolved: article !== undefined };
}

export const DISPATCH_LEVELS = ['national', 'province', 'city', 'unit'] as const;
export type DispatchLevel = (typeof DISPATCH_LEVELS)[number];

export interface DispatchInput {
  orderNo: string;
  level: DispatchLevel;
  returned: boolean;
  reason: string | null;
  /** The process instance whose `<level>-dispatch` user task was completed: its assignee is who did it. */
  processInstanceKey: string;
  occasion: string;
}

/** One level's accept (派单/接单) or return (退单) with who did it, and where the order now waits. */
/** When the crew accepts, the moment is the order's `dispatchedAt` (the crew's arrival may not be recorded before it). */
export async function recordDispatch(
  services: DomainServices,
  input: DispatchInput,
): Promise<{ dispatchedAt: Date | null }> {
  const { orderNo, level } = input;
  const index = DISPATCH_LEVELS.indexOf(level);
  const dedupKey = `dispatch:${input.occasion}`;
  const returned = input.returned && level !== 'national';
  const handled = !returned && level === 'unit';
  const actor = await stepActor(services, {
    orderNo,
    processInstanceKey: input.processInstanceKey,
    elementIds: [`${level}-dispatch`],
    kinds: ['dispatch-accept', 'dispatch-return'],
    level,
    dedupKey,
  });
  const at = now();
  const { order } = await recordOrderEvent(
    {
      orderNo,
      kind: returned ? 'dispatch-return' : 'dispatch-accept',
      dedupKey,
      at,
      level,
      ...actor,
      comment: input.reason,
    },
    () => ({
      state: handled ? 'handling' : 'dispatching',
      currentLevel: handled ? null : DISPATCH_LEVELS[returned ? index - 1 : index + 1],
      ...(handled ? { dispatchedAt: at } : {}),
    }),
  );
  return { dispatchedAt: handled ? (order.dispatchedAt ?? at) : null };
}

/**
 * The agent's answer at once, or the unit's reply (回单); a reply within `handleDueDate` counts as on time, a fault
 * repair when it kept both its commitments (arrival, restoration).
 */
export async function recordReply(
  services: DomainServices,
  input: {
    orderNo: string;
    processInstanceKey: string;
    byAgent: boolean;
    reply: string | null;
    handleDueDate: unknown;
    occasion: string;
  },
): Promise<void> {
  const { byAgent, reply, handleDueDate: due } = input;
  const kind = byAgent ? 'answer' : 'reply';
  const dedupKey = `reply:${input.occasion}`;
  const actor = await stepActor(services, {
    ...input,
    elementIds: byAgent ? ['agent-answer'] : HANDLING_TASKS,
    kinds: [kind],
    dedupKey,
  });
  const at = now();
  const onTime = byAgent || typeof due !== 'string' || at.getTime() <= new Date(due).getTime();
  await recordOrderEvent(
    {
      orderNo: input.orderNo,
      kind,
      dedupKey,
      at,
      ...actor,
      comment: reply,
    },
    (order) => ({
      reply,
      repliedAt: at,
      onTime: order.arrivalDueAt ? repairCommitments(order, at).onTime : onTime,
      state: byAgent ? 'answered' : 'reviewing',
    }),
  );
}

/** The reviewer passes the reply on to the callback or sends it back to handling. */
export async function recordReview(
  services: DomainServices,
  input: { orderNo: string; processInstanceKey: string; returned: boolean; comment: string | null; occasion: string },
): Promise<void> {
  const dedupKey = `review:${input.occasion}`;
  const kinds = ['review-pass', 'review-return'];
  const actor = await stepActor(services, { ...input, elementIds: ['review'], kinds, dedupKey });
  await recordOrderEvent(
    {
      orderNo: input.orderNo,
      kind: input.returned ? 'review-return' : 'review-pass',
      dedupKey,
      at: now(),
      ...actor,
      comment: input.comment,
    },
    () => ({ state: input.returned ? 'handling' : 'callback' }),
  );
}

/** The customer's satisfaction from the callback (回访); an unsatisfied customer reopens (重启) the order. */
export async function recordCallback(
  services: DomainServices,
  input: {
    orderNo: string;
    processInstanceKey: string;
    satisfaction: string;
    comment: string | null;
    occasion: string;
  },
): Promise<{ reopenCount: number }> {
  const { orderNo, satisfaction, comment } = input;
  const dedupKey = `callback:${input.occasion}`;
  const actor = await stepActor(services, { ...input, elementIds: ['callback'], kinds: ['callback'], dedupKey });
  const at = now();
  const { order } = await recordOrderEvent(
    {
      orderNo,
      kind: 'callback',
      dedupKey,
      at,
      ...actor,
      comment: `${satisfaction} ${comment ?? ''}`,
    },
    () => ({ satisfaction }),
  );
  if (satisfaction !== 'unsatisfied') return { reopenCount: order.reopenCount };
  const reopened = await recordOrderEvent(
    { orderNo, kind: 'reopen', dedupKey: `reopen:${input.occasion}`, at, ...actor, comment },
    (current) => ({ reopenCount: current.reopenCount + 1, state: 'handling' }),
  );
  return { reopenCount: reopened.order.reopenCount };
}

export interface OrderMessageKind {
  kind: 'urge' | 'supervise';
  counter: 'urgeCount' | 'supervisionCount';
  title: string;
}

/**
 * An urging (催办) or a supervision (督办) that reached the running order: counted, kept in the history and passed
 * on to the handling unit's org group (its staff and crews see it), not to every crew.
 */
export async function recordOrderMessage(
  services: DomainServices,
  message: OrderMessageKind,
  input: { orderNo: string; text: string; by: string | null; occasion: string },
): Promise<void> {
  const { orderNo, text } = input;
  const { order } = await recordOrderEvent(
    {
      orderNo,
      kind: message.kind,
      dedupKey: `${message.kind}:${input.occasion}`,
      at: now(),
      actor: input.by,
      comment: text,
    },
    (current: WorkOrder) => ({ [message.counter]: current[message.counter] + 1 }),
  );
  await notify(
    {
      dedupKey: `work-order-${message.kind}:${input.occasion}`,
      kind: message.kind === 'urge' ? 'urging' : 'supervision',
      recipientType: 'group',
      recipient: order.handlingUnit,
      title: `【${message.title}】${orderNo}（${order.handlingUnit}）`,
      body: `工单 ${orderNo} 第 ${order[message.counter]} 次${message.title}：${text} / order ${orderNo}: ${message.kind}`,
      businessKey: orderNo,
    },
    { config: services.config },
  );
}

/**
 * An urging order (催办单) is linked to the order it urges and publishes `work-order-urged` to it, where it is
 * counted. The link is recorded after publishing; a repeat that finds it publishes nothing more.
 */
export async function linkUrging(
  services: DomainServices,
  input: { orderNo: string; urgedOrderNo: string; content: string },
): Promise<void> {
  const { orderNo, urgedOrderNo } = input;
  const dedupKey = `link:${orderNo}`;
  if (await WorkOrderEvent.findOne({ where: { dedupKey } })) return;
  await services.camunda.zeebe.publishMessage({
    name: 'work-order-urged',
    correlationKey: urgedOrderNo,
    messageId: dedupKey,
    timeToLive: 0,
    variables: { urge: { content: `催办单 ${orderNo}：${input.content}`, by: orderNo } },
  });
  await recordOrderEvent(
    { orderNo, kind: 'linked', dedupKey, at: now(), ...SYSTEM_ACTOR, comment: `催办原工单 ${urgedOrderNo}` },
    () => ({ state: 'linked' }),
  );
}

/** The order is finished (归档): its handling time is kept for the statistics and the customer is told. */
export async function archiveOrder(services: DomainServices, orderNo: string, occasion: string): Promise<void> {
  const at = now();
  const { order } = await recordOrderEvent(
    { orderNo, kind: 'archive', dedupKey: `archive:${occasion}`, at, ...SYSTEM_ACTOR },
    (current) => ({
      state: 'archived',
      archivedAt: at,
      currentLevel: null,
      handlingMinutes: Math.max(0, Math.round((at.getTime() - current.acceptedAt.getTime()) / 60_000)),
    }),
  );
  await notify(
    {
      dedupKey: `work-order-archived:${occasion}`,
      kind: 'customer',
      recipientType: 'customer',
      recipient: order.phone,
      title: `您的95598工单 ${orderNo} 已办结`,
      body: `尊敬的${order.customerName}，您反映的问题（工单 ${orderNo}）已处理完毕。感谢您对供电服务的支持！`,
      businessKey: orderNo,
    },
    { config: services.config },
  );
}
