/**
 * Cases saved without a process instance (decision 0024): the start failed, or the application died between the
 * save and the start. The start-up repairs them (each start is idempotent: an instance the engine already has is
 * found, not made twice); managers see those still waiting at GET /api/cases/unstarted.
 */
import { Op } from 'sequelize';
import type { Model, ModelStatic } from 'sequelize';
import { Application } from '../../db/business-expansion';
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { WorkOrder } from '../../db/work-orders';
import { logger } from '../../lib/logger/logger';
import { startApplicationProcess } from '../business-expansion';
import { startChangeProcess } from '../change-of-use';
import type { DomainServices } from '../domain-services';
import { startOrderProcess } from '../work-orders';

const log = logger('cases');

interface CaseKind {
  kind: string;
  table: ModelStatic<Model>;
  number: string;
  since: string;
  start(services: Pick<DomainServices, 'camunda'>, number: string): Promise<unknown>;
}

const KINDS: CaseKind[] = [
  {
    kind: 'business-expansion',
    table: Application,
    number: 'applicationNo',
    since: 'submittedAt',
    start: (services, number) => startApplicationProcess(services, number),
  },
  {
    kind: 'change-of-use',
    table: ChangeApplication,
    number: 'applicationNo',
    since: 'submittedAt',
    start: (services, number) => startChangeProcess(services.camunda, number),
  },
  {
    kind: 'work-order',
    table: WorkOrder,
    number: 'orderNo',
    since: 'acceptedAt',
    start: (services, number) => startOrderProcess(services.camunda, number),
  },
];

export interface UnstartedCase {
  kind: string;
  number: string;
  since: Date;
}

export async function unstartedCases(): Promise<UnstartedCase[]> {
  const found = await Promise.all(
    KINDS.map(async ({ kind, table, number, since }) => {
      const rows = await table.findAll({ where: { processInstanceKey: { [Op.is]: null } }, order: [[since, 'ASC']] });
      return rows.map((row) => ({ kind, number: String(row.get(number)), since: row.get(since) as Date }));
    }),
  );
  return found.flat();
}

/** Starts every unstarted case's process; the numbers started and those that still failed. */
export async function repairUnstartedCases(services: Pick<DomainServices, 'camunda'>) {
  const started: string[] = [];
  const failed: string[] = [];
  for (const unstarted of await unstartedCases()) {
    const kind = KINDS.find((candidate) => candidate.kind === unstarted.kind)!;
    try {
      await kind.start(services, unstarted.number);
      started.push(unstarted.number);
    } catch (error) {
      failed.push(unstarted.number);
      log.error('an unstarted case is still without a process', { number: unstarted.number, error: String(error) });
    }
  }
  if (started.length || failed.length) log.info('unstarted cases repaired', { started, failed });
  return { started, failed };
}
