/**
 * After the issue every customer of the run is told their bill (amount, due day) by the configured channel
 * (domain/notifications): once per bill, however often the step runs.
 */
import { QueryTypes } from 'sequelize';
import type { BillingRun } from '../../../db/billing/run-models';
import { notify } from '../../notifications';
import type { DomainServices } from '../../domain-services';

const yuan = (fen: number) => (fen / 100).toFixed(2);

export async function notifyCustomers(services: DomainServices, run: BillingRun): Promise<{ notified: number }> {
  const bills = await services.sequelize.query<{
    id: number;
    amount_fen: number;
    due_date: string;
    account_no: string;
    phone: string;
  }>(
    `SELECT b.id, b.amount_fen, b.due_date, a.account_no, c.phone FROM bills b
     JOIN accounts a ON a.id = b.account_id JOIN customers c ON c.id = a.customer_id
     WHERE b.run_id = :runId AND b.status = 'issued' ORDER BY b.id`,
    { replacements: { runId: run.id }, type: QueryTypes.SELECT },
  );
  for (const bill of bills)
    await notify(
      {
        dedupKey: `billing:bill-issued:${bill.id}`,
        kind: 'bill-issued',
        recipientType: 'customer',
        recipient: bill.phone,
        title: `${run.period} 电费账单`,
        body: `户号 ${bill.account_no} ${run.period} 电费 ${yuan(Number(bill.amount_fen))} 元, 请于 ${String(bill.due_date).slice(0, 10)} 前交纳。`,
        businessKey: run.runNo,
      },
      { config: services.config },
    );
  await run.update({ state: 'notified' });
  return { notified: bills.length };
}
