/**
 * Urging (催办) by the customer and supervision (督办) by a manager: a message correlated by the order number
 * to the running order's event subprocess, whose worker records it (count and history) and notifies. A closed
 * order takes no message.
 */
import { randomUUID } from 'node:crypto';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { businessRuleViolated } from '../../lib/errors/app-error';
import { parseInput } from '../../lib/validation/parse-input';
import { requireOrder } from './work-order-detail-use-case';
import { superviseInput, urgeInput } from './work-order-input';
import type { ScopeUser } from '../users';

/** Who urges or supervises: only orders of their units (decision 0025). */
type Actor = ScopeUser & { login: string };

async function publishToOrder(
  camunda: CamundaClients,
  actor: Actor,
  orderNo: string,
  name: string,
  variables: Record<string, Record<string, string>>,
): Promise<string> {
  const order = await requireOrder(orderNo, actor);
  if (order.state === 'archived' || !order.processInstanceKey)
    throw businessRuleViolated('ORDER_CLOSED', `工单已归档，不能催办或督办 / the order is closed: ${orderNo}`);
  const messageId = randomUUID();
  // No time to live: the order's event subprocess listens for as long as the order runs.
  await camunda.zeebe.publishMessage({ name, correlationKey: orderNo, messageId, timeToLive: 0, variables });
  return messageId;
}

export async function urgeWorkOrder(camunda: CamundaClients, orderNo: string, body: unknown, actor: Actor) {
  const input = parseInput(urgeInput, body, '催办');
  const messageId = await publishToOrder(camunda, actor, orderNo, 'work-order-urged', {
    urge: { content: input.content, by: actor.login },
  });
  return { orderNo, messageId };
}

export async function superviseWorkOrder(camunda: CamundaClients, orderNo: string, body: unknown, actor: Actor) {
  const input = parseInput(superviseInput, body, '督办');
  const messageId = await publishToOrder(camunda, actor, orderNo, 'work-order-supervised', {
    supervision: { comment: input.comment, by: actor.login },
  });
  return { orderNo, messageId };
}
