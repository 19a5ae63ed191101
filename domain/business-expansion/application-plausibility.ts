/**
 * Checks an application must pass before it is numbered: its capacity lies in the range the capacity-plausibility
 * decision gives for its voltage and category (docs/business-rules.md §1.6, evaluated through the engine like the
 * customer class), and its customer has no other open application for the same address (decision 0028).
 */
import { Op } from 'sequelize';
import { Application } from '../../db/business-expansion';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { decisionOutput } from '../../lib/camunda/decision-output';
import { searchProcessInstances } from '../../lib/camunda/engine-api';
import { AppError } from '../../lib/errors/app-error';

export interface CapacityFacts {
  voltage: string;
  category: string;
  /** After an increase: the account's capacity with the added one. */
  capacityKva: number;
  increase: boolean;
}

interface Range {
  minKva: number;
  maxKva: number;
}

async function plausibleRange(camunda: CamundaClients, facts: CapacityFacts): Promise<Range | undefined> {
  let output: unknown;
  try {
    output = await decisionOutput(camunda, 'capacity-plausibility', {
      voltage: facts.voltage,
      category: facts.category,
    });
  } catch (error) {
    throw new AppError(503, 'DECISION_UNAVAILABLE', `容量合理范围规则无法求值 / ${(error as Error).message}`);
  }
  const range = output as Partial<Range> | null;
  return typeof range?.minKva === 'number' && typeof range.maxKva === 'number'
    ? { minKva: range.minKva, maxKva: range.maxKva }
    : undefined;
}

/** A 400 naming capacityKva when the capacity is outside its voltage's and category's range. */
export async function checkCapacityPlausible(camunda: CamundaClients, facts: CapacityFacts): Promise<void> {
  const range = await plausibleRange(camunda, facts);
  if (!range || (facts.capacityKva >= range.minKva && facts.capacityKva <= range.maxKva)) return;
  const [zh, en] = facts.increase ? ['增容后合计容量', 'the total capacity after the increase'] : ['容量', 'capacity'];
  const message =
    `${zh} ${facts.capacityKva} kVA 不在 ${facts.voltage} ${facts.category} 用电的合理范围 ${range.minKva}–${range.maxKva} kVA 内，请核对容量或电压等级` +
    ` / ${en} ${facts.capacityKva} kVA is outside ${range.minKva}–${range.maxKva} kVA for ${facts.voltage} ${facts.category}: check the capacity or the voltage`;
  throw new AppError(400, 'CAPACITY_IMPLAUSIBLE', message, [{ field: 'capacityKva', message, ...range }]);
}

const CLOSED_STATES = ['archived', 'cancelled'];

/**
 * A case whose process the engine reports ended (cancelled by a manager, or ended without archiving) is no longer
 * open, whatever state its row still shows; one the engine does not report yet (its search lags a moment behind)
 * or that has no process yet counts as open.
 */
async function stillRunning(camunda: CamundaClients, application: Application): Promise<boolean> {
  if (!application.processInstanceKey) return true;
  const [instance] = await searchProcessInstances(camunda, {
    filter: { processInstanceKey: application.processInstanceKey },
    page: { limit: 1 },
  });
  return !instance || instance.state === 'ACTIVE';
}

/** A 409 naming the open application when the customer already has one for this address. */
export async function refuseDuplicateOpenApplication(
  camunda: CamundaClients,
  customerId: number,
  address: string,
): Promise<void> {
  const candidates = await Application.findAll({
    where: { customerId, address, state: { [Op.notIn]: CLOSED_STATES } },
    order: [['id', 'ASC']],
  });
  for (const open of candidates) {
    if (!(await stillRunning(camunda, open))) continue;
    throw new AppError(
      409,
      'DUPLICATE_APPLICATION',
      `该客户在此地址已有在办申请 ${open.applicationNo}，请在该申请中继续办理，或由业务主管撤销它 / customer already has open application ${open.applicationNo} for this address: continue it, or have a manager cancel it`,
      { applicationNo: open.applicationNo, state: open.state },
    );
  }
}
