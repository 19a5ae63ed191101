/**
 * The process side of what the customer does: the messages that end a wait (correlated by the application number,
 * the case's businessKey) and which of the case's waits is open now.
 */
import type { ElementInstanceDetails } from '@camunda8/sdk/dist/c8/lib/C8Dto';
import type { CamundaClients } from '../../lib/camunda/camunda-client';

/** A message published before the process reaches its wait is kept this long (e.g. paid while the notice is sent). */
const MESSAGE_TTL_MS = 24 * 3_600_000;

/** The wait states of the change-of-use process, by element id. */
export const WAITS = {
  fee_paid: 'payment',
  effective_timer: 'effective-date',
  expiry_wait: 'expiry',
  old_account_close: 'new-connection',
} as const;
export type Wait = (typeof WAITS)[keyof typeof WAITS];

export async function publishCaseMessage(
  camunda: CamundaClients,
  name: string,
  applicationNo: string,
  messageId: string,
  variables: Record<string, string | number> = {},
): Promise<void> {
  await camunda.zeebe.publishMessage({
    name,
    correlationKey: applicationNo,
    messageId,
    timeToLive: MESSAGE_TTL_MS,
    variables,
  });
}

/** The waits open in the instance now (the engine's search follows its commits by a few milliseconds). */
export async function openWaits(camunda: CamundaClients, processInstanceKey: string | null): Promise<Wait[]> {
  if (!processInstanceKey) return [];
  const found = await camunda.rest.searchElementInstances({
    filter: { processInstanceKey, state: 'ACTIVE' },
    page: { limit: 100 },
  } as never);
  return found.items
    .map((element: ElementInstanceDetails) => WAITS[element.elementId as keyof typeof WAITS])
    .filter((wait): wait is Wait => wait !== undefined);
}
