/**
 * A reading section's month end to end through the real engine: a reading file imported (one bad line reported
 * by number, one reading jumping over the rule's factor), the anomaly's task decided by a meter reader, the bills
 * computed by the tariff rules, a reviewer returning them once (drafts withdrawn, read again) and then passing
 * them, the issue and the customers told. Then the billing step cut short and run again, and run twice at once:
 * every account billed once.
 */
import { BillLine } from '../../db/billing/billing-models';
import { MeterReading } from '../../db/billing/reading-models';
import { BillingRun, ReadingAnomaly } from '../../db/billing/run-models';
import { Bill } from '../../db/core/customer-models';
import { Notification } from '../../db/core/notification-models';
import { computeBills } from '../../domain/billing/runs/compute-bills-use-case';
import { computeBill, loadBillableAccounts, loadTariffBook } from '../../domain/billing/tariff';
import { READING_ANOMALY_RULES } from '../../domain/billing/readings/anomaly-rules';
import { BILL_ISSUE_RULES } from '../../domain/billing/runs/cycle-rules';
import { addDays } from '../../lib/calendar';
import type { Platform } from '../platform/platform-kit';
import { payAtCounter } from '../collection/collection-kit';
import {
  createSection,
  csvLine,
  importFile,
  seedHistory,
  seedMeteredAccount,
  seedReadAccounts,
  useBillingCyclePlatform,
  waitForRunState,
  type MeteredAccount,
} from './billing-kit';

let platform: Platform;
useBillingCyclePlatform('2026-12-03T02:00:00Z', (started) => {
  platform = started;
});

const PERIOD = '2026-11';
const READ_AT = '2026-11-25T09:30:00+08:00';

async function billsOf(runId: number) {
  const bills = await Bill.findAll({ where: { runId }, order: [['accountId', 'ASC']] });
  const lines = await BillLine.findAll({ where: { billId: bills.map((bill) => bill.id) } });
  return bills.map((bill) => ({ bill, lines: lines.filter((line) => line.billId === bill.id) }));
}

test('a section is read, reviewed, billed, reviewed, issued and notified', async () => {
  const [steady, tiered, jumping] = await seedReadAccounts(['S', 1000, 150], ['T', 2000, 300], ['J', 500, 100]);
  const sectionId = await createSection(platform, `CY${process.pid % 10_000}`, [steady, tiered, jumping]);

  const reader = await platform.as('fangming');
  const started = await (await platform.as('jiangwen')).post('/billing/runs', { sectionId, period: PERIOD });
  expect(started.status).toBe(201);
  const { runNo, id: runId } = started.body;
  await platform.openTask(started.body.processInstanceKey, 'readings');

  // The collection system's file: a header, the three accounts (one jumping), a line with an unknown register.
  const rules = READING_ANOMALY_RULES.defaults[0].body;
  const jumpValue = 800 + (rules.jumpFactor + 1) * 100;
  const csv = [
    'account,meter,register,reading,time',
    csvLine(steady, 'total', 1450 + 150, READ_AT),
    csvLine(tiered, 'total', 2900 + 300, READ_AT),
    csvLine(jumping, 'total', jumpValue, READ_AT),
    csvLine(steady, 'kvah', 12, READ_AT),
  ].join('\n');
  const imported = await importFile(platform, 'fangming', PERIOD, csv);
  expect(imported).toMatchObject({ status: 'done', totalRows: 5, rowsDone: 5, rowsSaved: 3, rowsBad: 1, percent: 100 });
  expect(imported.errors).toEqual([{ line: 5, message: expect.stringMatching(/unknown register "kvah"/) }]);
  // The same file again updates the same readings: none added.
  await importFile(platform, 'fangming', PERIOD, csv);
  expect(
    await MeterReading.count({
      where: { period: PERIOD, accountId: [steady, tiered, jumping].map((a) => a.accountId) },
    }),
  ).toBe(3);

  await platform.completeTask('fangming', started.body.processInstanceKey, 'readings', { readingsComplete: true });
  const task = await platform.openTask(started.body.processInstanceKey, 'resolve_anomaly');
  expect(task.candidateGroups).toEqual(['meter-reader']);
  const anomalies = await reader.get(`/billing/runs/${runNo}/anomalies`);
  expect(anomalies.body.items).toEqual([
    expect.objectContaining({ accountId: jumping.accountId, rule: 'jump', status: 'open', role: 'meter-reader' }),
  ]);
  expect(anomalies.body.items[0].detail).toMatchObject({
    use: jumpValue - 800,
    average: 100,
    factor: rules.jumpFactor,
  });

  // Read again on site: the register showed 900, the file's value was a transmission error.
  await platform.completeTask('fangming', started.body.processInstanceKey, 'resolve_anomaly', {
    anomalyAction: 're-read',
    anomalyValue: 900,
    anomalyReason: '现场重抄，采集数据传输错误',
  });
  await platform.openTask(started.body.processInstanceKey, 'review_bills', 20_000);
  const decided = await ReadingAnomaly.findOne({ where: { runId } });
  expect(decided).toMatchObject({ status: 'resolved', action: 're-read', value: 900, decidedBy: 'fangming' });
  const reread = await MeterReading.findOne({ where: { accountId: jumping.accountId, period: PERIOD } });
  expect(reread).toMatchObject({ value: 900, source: 'manual', recordedBy: 'fangming' });

  const review = await (await platform.as('yuhong')).get(`/billing/runs/${runNo}/flagged-bills`);
  expect(review.status).toBe(200);
  // Returned once: the drafts are withdrawn and the readings step opens again; then passed.
  expect(await Bill.count({ where: { runId, status: 'draft' } })).toBe(3);
  await platform.completeTask('yuhong', started.body.processInstanceKey, 'review_bills', { billReview: 'return' });
  await platform.openTask(started.body.processInstanceKey, 'readings');
  expect(await Bill.count({ where: { runId } })).toBe(0);
  await platform.completeTask('fangming', started.body.processInstanceKey, 'readings', { readingsComplete: true });
  await platform.openTask(started.body.processInstanceKey, 'review_bills', 20_000);
  // The steady customer paid 50.00 元 ahead (预存) while nothing was owed: the issue spends it on the new bill.
  await payAtCounter(platform, steady.accountNo, 5_000);
  await platform.completeTask('yuhong', started.body.processInstanceKey, 'review_bills', { billReview: 'approve' });
  const done = await waitForRunState(platform, runNo, 'notified');
  expect(done.bills.issued.count).toBe(3);

  // Every bill as the tariff rules compute it from the month's use, issued, its lines adding up to it.
  const book = await loadTariffBook();
  const accounts = await loadBillableAccounts(
    [steady, tiered, jumping].map((a) => a.accountId),
    PERIOD,
  );
  const payWithin = BILL_ISSUE_RULES.defaults[0].body.payWithinDays;
  const uses = new Map([
    [steady.accountId, 150],
    [tiered.accountId, 300],
    [jumping.accountId, 100],
  ]);
  for (const { bill, lines } of await billsOf(runId)) {
    const expected = computeBill(
      accounts.get(bill.accountId)!,
      { energyKwh: { total: uses.get(bill.accountId)! } },
      PERIOD,
      book,
    );
    expect(bill).toMatchObject({ status: 'issued', issuedOn: '2026-12-03', dueDate: addDays('2026-12-03', payWithin) });
    expect(bill.amountFen).toBe(expected.amountFen);
    expect(lines.reduce((sum, line) => sum + Number(line.amountFen), 0)).toBe(bill.amountFen);
  }
  // The issue's hand-computed tiers: 150 kWh → 84.00 元, 300 kWh → 184.00 元 of energy.
  const energyOf = async (account: MeteredAccount) => {
    const bill = (await Bill.findOne({ where: { runId, accountId: account.accountId } }))!;
    const lines = await BillLine.findAll({ where: { billId: bill.id, kind: 'energy' } });
    return lines.reduce((sum, line) => sum + Number(line.amountFen), 0);
  };
  expect(await energyOf(steady)).toBe(8_400);
  expect(await energyOf(tiered)).toBe(18_400);

  const sent = await Notification.findAll({ where: { businessKey: runNo, kind: 'bill-issued' } });
  expect(sent).toHaveLength(3);

  const prepaid = await (await platform.as('qianli')).get(`/collection/accounts/${steady.accountNo}`);
  const steadyBill = (await Bill.findOne({ where: { runId, accountId: steady.accountId } }))!;
  expect(prepaid.body.prepaymentFen).toBe(0);
  expect(prepaid.body.bills).toEqual([
    expect.objectContaining({ billId: steadyBill.id, principalLeftFen: steadyBill.amountFen - 5_000 }),
  ]);
});

test('the billing step cut short resumes, and run twice at once, bills each account once', async () => {
  const accounts: MeteredAccount[] = [];
  for (let index = 0; index < 25; index += 1) {
    const account = await seedMeteredAccount('R');
    await seedHistory(account, { '2026-10': 100, '2026-11': 100 + index });
    accounts.push(account);
  }
  const sectionId = await createSection(platform, `RS${process.pid % 10_000}`, accounts);
  const run = await BillingRun.create({
    runNo: `CB202611-RS${process.pid}`,
    sectionId,
    period: PERIOD,
    startedBy: 'test',
  });
  const { sequelize } = platform.application.services;

  // A worker killed after its first chunk: that chunk's bills are saved, the rest not.
  await expect(
    computeBills(sequelize, run, {
      chunkSize: 10,
      onChunk: () => {
        throw new Error('worker killed');
      },
    }),
  ).rejects.toThrow('worker killed');
  expect(await Bill.count({ where: { runId: run.id } })).toBe(10);

  // The job delivered again — twice at once, as after a lock timeout — goes on from there.
  const outcomes = await Promise.allSettled([
    computeBills(sequelize, run, { chunkSize: 10 }),
    computeBills(sequelize, run, { chunkSize: 10 }),
  ]);
  expect(outcomes.some((outcome) => outcome.status === 'fulfilled')).toBe(true);
  const bills = await Bill.findAll({ where: { runId: run.id } });
  expect(bills).toHaveLength(25);
  expect(new Set(bills.map((bill) => bill.accountId)).size).toBe(25);
  const lines = await BillLine.findAll({ where: { billId: bills.map((bill) => bill.id) } });
  for (const bill of bills)
    expect(lines.filter((line) => line.billId === bill.id).reduce((sum, line) => sum + Number(line.amountFen), 0)).toBe(
      bill.amountFen,
    );
  await computeBills(sequelize, run, { chunkSize: 10 });
  expect(await Bill.count({ where: { runId: run.id } })).toBe(25);
  expect((await run.reload()).billsDone).toBe(25);
});
