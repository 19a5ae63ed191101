/**
 * The route of a change (decision `change-of-use-route`): the API asks the same table the process asks, so which
 * types need debts settled and how much notice an application needs are data, not code.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { decisionOutput } from '../../lib/camunda/decision-output';
import { AppError } from '../../lib/errors/app-error';
import type { Account } from '../../db/core/customer-models';
import { voltageKv, type ApplicationInput } from './change-types';

export const ROUTE_DECISION = 'change-of-use-route';

export interface ChangeRoute {
  debtCheck: boolean;
  siteWork: string;
  siteGroup: string;
  feeRequired: boolean;
  contractChange: boolean;
  becomesNewConnection: boolean;
  expiryMonths: number | null;
  noticeWorkingDays: number;
  /** How often a temporary change may be extended (0: never) and by at most how many months each time. */
  extensionsAllowed: number;
  extensionMaxMonths: number | null;
  /** When the change takes effect (decision 0019): the requested day (not before the site work) or the site-work day. */
  effectiveFrom: 'requested' | 'site-work';
}

export interface RouteFacts {
  changeType: string;
  sameSupplyPoint: boolean | null;
  capacityIncrease: boolean;
  voltageKv: number;
}

export function routeFacts(input: ApplicationInput, account: Account): RouteFacts {
  const newCapacity = 'newCapacityKva' in input ? input.newCapacityKva : undefined;
  const increase = input.changeType !== 'temporary-swap' && newCapacity !== undefined;
  return {
    changeType: input.changeType,
    sameSupplyPoint: input.changeType === 'relocation' ? input.sameSupplyPoint : null,
    capacityIncrease: increase && Number(newCapacity) > account.capacityKva,
    voltageKv: voltageKv(account.voltage),
  };
}

export async function evaluateRoute(camunda: CamundaClients, facts: RouteFacts): Promise<ChangeRoute> {
  const undecided = (reason: string) =>
    new AppError(
      500,
      'ROUTE_UNDECIDED',
      `变更类型路由没有结果 / the route decision gave no answer for ${facts.changeType}: ${reason}`,
    );
  let output: unknown;
  try {
    output = await decisionOutput(camunda, ROUTE_DECISION, { ...facts });
  } catch (error) {
    throw undecided((error as Error).message);
  }
  if (!output) throw undecided('no rule matched');
  return output as ChangeRoute;
}
