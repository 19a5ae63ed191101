/**
 * After the issue every customer of the run is told their bill (amount, due day) by the configured channel
 * (domain/notifications), in chunks of bills by id: each chunk is read in one query, the bills already told (a
 * delivery of the step before this one) are found in one more and skipped, the rest notified. A step cut short
 * resumes where it stopped, and each bill is notified once, however often the step runs (dedup key per bill).
 */
import { Op, QueryTypes } from 'sequelize';
import type { BillingRun } from '../../../db/billing/run-models';
import { Notification } from '../../../db/core/notification-models';
import { notify } from '../../notifications';
import type { DomainServices } from '../../domain-services';

const CHUNK = 500;
const yuan = (fen: number) => (fen / 100).toFixed(2);
const dedupKeyOf = (billId: number) => `billing:bill-issued:${billId}`;

interface IssuedBill {
  id: number;
  amount_fen: number;
  due_date: string;
  account_no: string;
  phone: string;
}

function issuedBills(services: Pick<DomainServices, 'sequelize'>, run: BillingRun, afterId: number, size: number) {
  return services.sequelize.query<IssuedBill>(
    `SELECT b.id, b.amount_fen, b.due_date, a.account_no, c.phone FROM bills b
     JOIN accounts a ON a.id = b.account_id JOIN customers c ON c.id = a.customer_id
     WHERE b.run_id = :runId AND b.status = 'issued' AND b.id > :afterId ORDER BY b.id LIMIT :size`,
    { replacements: { runId: run.id, afterId, size }, type: QueryTypes.SELECT },
  );
}

async function alreadyTold(bills: IssuedBill[]): Promise<Set<string>> {
  const found = await Notification.findAll({
    attributes: ['dedupKey'],
    where: { dedupKey: { [Op.in]: bills.map((bill) => dedupKeyOf(Number(bill.id))) } },
  });
  return new Set(found.map((notification) => notification.dedupKey));
}

/** Answers how many bills this delivery notified (those told before are not counted again). */
export async function notifyCustomers(
  services: Pick<DomainServices, 'sequelize' | 'config'>,
  run: BillingRun,
  chunkSize = CHUNK,
): Promise<{ notified: number }> {
  let notified = 0;
  for (let afterId = 0; ;) {
    const bills = await issuedBills(services, run, afterId, chunkSize);
    if (bills.length === 0) break;
    afterId = Number(bills.at(-1)!.id);
    const told = await alreadyTold(bills);
    for (const bill of bills.filter((candidate) => !told.has(dedupKeyOf(Number(candidate.id))))) {
      await notify(
        {
          dedupKey: dedupKeyOf(Number(bill.id)),
          kind: 'bill-issued',
          recipientType: 'customer',
          recipient: bill.phone,
          title: `${run.period} 电费账单`,
          body: `户号 ${bill.account_no} ${run.period} 电费 ${yuan(Number(bill.amount_fen))} 元, 请于 ${String(bill.due_date).slice(0, 10)} 前交纳。`,
          businessKey: run.runNo,
        },
        { config: services.config },
      );
      notified += 1;
    }
  }
  await run.update({ state: 'notified' });
  return { notified };
}
