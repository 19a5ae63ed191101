/**
 * The notify step tells each issued bill of a run to its customer in chunks, once: a delivery cut short after some
 * bills resumes with the rest, and a repeated delivery notifies nothing more.
 */
import { ReadingSection } from '../../db/billing/reading-models';
import { BillingRun } from '../../db/billing/run-models';
import { Notification } from '../../db/core/notification-models';
import { Bill } from '../../db/core/customer-models';
import { notifyCustomers } from '../../domain/billing';
import { notify } from '../../domain/notifications';
import { readAppConfig } from '../../lib/config/app-config';
import { seedBillingAccount, useBillingDatabase } from './billing-database-kit';

const database = useBillingDatabase();

test('each issued bill of the run is notified once, chunk by chunk, resuming after a cut-short delivery', async () => {
  const section = await ReadingSection.create({ code: 'NT-01', name: '通知', unitCode: 'SH-PD', readingDay: 25 });
  const run = await BillingRun.create({
    runNo: 'CB202605-NT-01',
    sectionId: section.id,
    period: '2026-05',
    startedBy: 't',
  });
  const bills: Bill[] = [];
  for (let i = 0; i < 5; i += 1) {
    const account = await seedBillingAccount();
    bills.push(
      await Bill.create({
        accountId: account.id,
        period: '2026-05',
        amountFen: 10_000 + i,
        dueDate: '2026-06-15',
        paidAt: null,
        status: i === 4 ? 'draft' : 'issued',
        runId: run.id,
      }),
    );
  }
  const config = readAppConfig({});
  const services = { sequelize: database.sequelize(), config };
  // A first delivery told the first bill, then stopped.
  await notify(
    {
      dedupKey: `billing:bill-issued:${bills[0].id}`,
      kind: 'bill-issued',
      recipientType: 'customer',
      recipient: '1',
      title: 't',
      body: 'b',
    },
    { config },
  );

  expect(await notifyCustomers(services, run, 2)).toEqual({ notified: 3 });
  const told = await Notification.findAll({ where: { kind: 'bill-issued', businessKey: run.runNo } });
  expect(told.map((n) => n.dedupKey).sort()).toEqual(
    bills
      .slice(1, 4)
      .map((bill) => `billing:bill-issued:${bill.id}`)
      .sort(),
  );
  expect(told[0].body).toContain('2026-06-15');
  expect((await run.reload()).state).toBe('notified');
  expect(await notifyCustomers(services, run, 2)).toEqual({ notified: 0 });
  expect(await Notification.count({ where: { kind: 'bill-issued' } })).toBe(4);
});
