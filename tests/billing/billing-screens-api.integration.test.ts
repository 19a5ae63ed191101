/**
 * The reads behind the billing screens, through the real platform: a run listed with its counts as it goes
 * (readings, anomalies open, bills, flagged, issued, total), its anomaly with the account, the reading and its open
 * task, its bills with the flagged one first, and a bill with its lines, its payments and the penalty accrued once
 * overdue; an account's bills by its number; and who may read them.
 */
import type { Platform } from '../platform/platform-kit';
import { accountView, payAtCounter } from '../collection/collection-kit';
import { waitFor } from '../support/wait-for';
import { importFile, seedScreenSection, useBillingCyclePlatform, waitForRunState } from './billing-kit';

let platform: Platform;
useBillingCyclePlatform('2026-12-03T02:00:00Z', (started) => {
  platform = started;
});

const PERIOD = '2026-11';

test('a run read as the screens read it: counts, anomaly and its task, bills flagged first, a bill and its payments', async () => {
  const section = await seedScreenSection(platform, `SA${process.pid % 10_000}`);
  const clerk = await platform.as('jiangwen');
  const started = await clerk.post('/billing/runs', { sectionId: section.sectionId, period: PERIOD });
  expect(started.status).toBe(201);
  const { runNo, processInstanceKey } = started.body;
  await platform.openTask(processInstanceKey, 'readings');

  const summaryOf = async () => {
    const list = await clerk.get(`/billing/run-summaries?sectionId=${section.sectionId}&page=1&size=5`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    return list.body.items[0];
  };
  expect(await summaryOf()).toMatchObject({ runNo, period: PERIOD, state: 'reading', accounts: 3, readings: 0 });

  const imported = await importFile(platform, 'fangming', PERIOD, section.csv);
  expect(imported).toMatchObject({ status: 'done', rowsSaved: 3, rowsBad: 1 });
  expect(await summaryOf()).toMatchObject({ readings: 3, accountsRead: 3 });

  await platform.completeTask('fangming', processInstanceKey, 'readings', { readingsComplete: true });
  const task = await platform.openTask(processInstanceKey, 'resolve_anomaly');
  const anomalies = await waitFor(
    async () => {
      const found = await clerk.get(`/billing/runs/${runNo}/anomaly-tasks?page=1&size=10`);
      return found.body.items?.[0]?.userTaskKey ? found.body : undefined;
    },
    { timeout: 10_000, interval: 200, description: 'the anomaly with its task' },
  );
  expect(anomalies.total).toBe(1);
  const jumpLine = section.csv.split('\n')[2].split(',');
  expect(anomalies.items[0]).toMatchObject({
    accountNo: section.jumping.accountNo,
    rule: 'jump',
    status: 'open',
    reading: Number(jumpLine[3]),
    userTaskKey: String(task.userTaskKey),
  });
  expect((await summaryOf()).anomaliesOpen).toBe(1);

  await platform.completeTask('fangming', processInstanceKey, 'resolve_anomaly', {
    anomalyAction: 're-read',
    anomalyValue: section.reread,
    anomalyReason: '现场重抄',
  });
  await platform.openTask(processInstanceKey, 'review_bills', 20_000);
  const drafts = await clerk.get(`/billing/runs/${runNo}/bills?page=1&size=10`);
  expect(drafts.body.total).toBe(3);
  const flaggedRows = drafts.body.items.filter((bill: any) => bill.flagReasons.length > 0);
  // Every flagged bill comes before every other, and the one billed far more than last month is among them.
  expect(drafts.body.items.slice(0, flaggedRows.length)).toEqual(flaggedRows);
  expect(flaggedRows).toContainEqual(
    expect.objectContaining({
      accountNo: section.changed.accountNo,
      status: 'draft',
      flagReasons: expect.arrayContaining([expect.objectContaining({ rule: 'change-over' })]),
    }),
  );
  // A page of one holds the first flagged bill.
  expect((await clerk.get(`/billing/runs/${runNo}/bills?page=1&size=1`)).body.items).toEqual([flaggedRows[0]]);

  await platform.completeTask('yuhong', processInstanceKey, 'review_bills', { billReview: 'approve' });
  await waitForRunState(platform, runNo, 'notified');
  const bills = (await clerk.get(`/billing/runs/${runNo}/bills`)).body.items;
  const totalFen = bills.reduce((sum: number, bill: any) => sum + bill.amountFen, 0);
  expect(await summaryOf()).toMatchObject({
    state: 'notified',
    anomaliesOpen: 0,
    bills: 3,
    billsIssued: 3,
    billsFlagged: flaggedRows.length,
    amountFen: totalFen,
  });
  expect((await clerk.get(`/billing/run-summaries/${runNo}`)).body).toEqual(await summaryOf());

  // The changed account's bill: lines that add up, the terms it was billed on, the phone masked, nothing paid.
  const billId = bills.find((bill: any) => bill.accountNo === section.changed.accountNo).id;
  const cashier = await platform.as('qianli');
  const statement = (await cashier.get(`/billing/bills/${billId}/statement`)).body;
  expect(statement.lines.reduce((sum: number, line: any) => sum + line.amountFen, 0)).toBe(statement.amountFen);
  expect(statement).toMatchObject({
    accountNo: section.changed.accountNo,
    status: 'issued',
    paid: false,
    principalLeftFen: statement.amountFen,
    penaltyFen: 0,
    tariff: { kind: 'residential-tiered' },
    flagReasons: expect.arrayContaining([expect.objectContaining({ rule: 'change-over' })]),
    allocations: [],
  });
  expect(statement.customer.phone).toContain('*');

  // Part paid at the counter, then overdue: the payment applied, the penalty what the counter computes.
  const paid = await payAtCounter(platform, section.changed.accountNo, 1_000);
  await platform.pinClock(new Date(Date.parse(`${statement.dueDate}T02:00:00Z`) + 20 * 86_400_000));
  const later = (await cashier.get(`/billing/bills/${billId}/statement`)).body;
  expect(later.allocations).toEqual([
    expect.objectContaining({
      kind: 'principal',
      amountFen: 1_000,
      payment: expect.objectContaining({ receiptNo: paid.payment.receiptNo, channel: 'counter' }),
    }),
  ]);
  const counter = await accountView(platform, section.changed.accountNo);
  const owed = counter.bills.find((bill: any) => bill.billId === billId);
  expect(later).toMatchObject({
    principalLeftFen: statement.amountFen - 1_000,
    overdueDays: owed.overdueDays,
    penaltyFen: owed.penaltyLeftFen,
  });
  expect(later.penaltyFen).toBeGreaterThan(0);

  const byNumber = await cashier.get(`/billing/account-bills?accountNo=${section.changed.accountNo}`);
  expect(byNumber.body).toMatchObject({ accountNo: section.changed.accountNo, customer: expect.any(Object) });
  expect(byNumber.body.items.map((bill: any) => bill.period)).toEqual([PERIOD, '2026-10']);
});

test('billing roles read the screens; others are refused; an unknown run or account is not found', async () => {
  expect((await (await platform.as('zhangli')).get('/billing/run-summaries')).status).toBe(403);
  expect((await (await platform.as('fangming')).get('/billing/account-bills?accountNo=X')).status).toBe(403);
  expect((await (await platform.as('zhoumin')).get('/billing/run-summaries')).status).toBe(200);
  const clerk = await platform.as('jiangwen');
  expect((await clerk.get('/billing/runs/CB209901-NONE/bills')).status).toBe(404);
  expect((await clerk.get('/billing/account-bills?accountNo=NO-SUCH')).status).toBe(404);
  expect((await clerk.get('/billing/run-summaries?size=1000')).status).toBe(400);
});
