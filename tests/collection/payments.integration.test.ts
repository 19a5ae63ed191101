/**
 * Payments of bills end to end through the API: oldest bill first with penalty before principal (figures computed
 * from the rule rows), the prepayment balance used first, the app's idempotency key, a bank file with unmatched
 * rows and its report, a reversal approved by a second person, and the day's reconciliation per channel.
 */
import { Bill } from '../../db/core/customer-models';
import { RuleBook } from '../../domain/billing/rules/rule-book';
import { PENALTY_RATES, penaltyOf } from '../../domain/collection';
import { unpaidBills } from '../../domain/change-of-use/unpaid-bills';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { accountView, issueBill, payAtCounter, seedAccount, seedPeople } from './collection-kit';

let platform: Platform;
usePlatform(async (started) => {
  platform = started;
  await seedPeople();
});

const DAY = '2026-04-24';

beforeEach(async () => {
  await platform.pinClock(`${DAY}T02:00:00Z`);
});

async function penaltyFen(scope: string, principalFen: number, period: string, dueDate: string) {
  const rates = (await RuleBook.load([PENALTY_RATES])).inForce(PENALTY_RATES, scope, DAY).body;
  return penaltyOf({ principalFen, period, dueDate, until: DAY, rates }).amountFen;
}

test('oldest bill first, penalty before principal; a bill paid in full gets paid_at; the surplus is prepaid and used first', async () => {
  const account = await seedAccount('residential');
  const older = await issueBill(account.id, '2026-02', 15_000, '2026-03-15');
  const newer = await issueBill(account.id, '2026-03', 8_000, '2026-04-15');
  const olderPenalty = await penaltyFen('residential', 15_000, '2026-02', '2026-03-15');
  const newerPenalty = await penaltyFen('residential', 8_000, '2026-03', '2026-04-15');
  expect([olderPenalty, newerPenalty]).toEqual([600, 100]);
  const before = await accountView(platform, account.accountNo);
  expect(before).toMatchObject({ overdueFen: 23_000, penaltyFen: olderPenalty + newerPenalty, prepaymentFen: 0 });

  const paid = await payAtCounter(platform, account.accountNo, 20_000);
  expect(paid.payment.receiptNo).toMatch(/^SJ20260424-\d{4}$/);
  expect(paid.allocations).toEqual([
    { billId: older.id, kind: 'penalty', amountFen: olderPenalty },
    { billId: older.id, kind: 'principal', amountFen: 15_000 },
    { billId: newer.id, kind: 'penalty', amountFen: newerPenalty },
    { billId: newer.id, kind: 'principal', amountFen: 20_000 - olderPenalty - 15_000 - newerPenalty },
  ]);
  expect((await Bill.findByPk(older.id))!.paidAt).not.toBeNull();
  expect((await Bill.findByPk(newer.id))!.paidAt).toBeNull();
  // The change-of-use debt check reads paid_at: only the newer bill is still owed.
  expect((await unpaidBills([account.id], null)).bills.map((bill) => bill.period)).toEqual(['2026-03']);

  // More than is owed: the newer bill's rest, the surplus into the prepayment balance.
  const leftFen = 8_000 - (20_000 - olderPenalty - 15_000 - newerPenalty);
  await payAtCounter(platform, account.accountNo, 20_000);
  expect((await Bill.findByPk(newer.id))!.paidAt).not.toBeNull();
  expect((await accountView(platform, account.accountNo)).prepaymentFen).toBe(20_000 - leftFen);

  // A new bill, then a payment from the app: the prepayment pays the bill first, the payment goes to the balance.
  const next = await issueBill(account.id, '2026-04', 5_000, '2026-05-15');
  const app = await platform.as('app-channel');
  const body = { accountNo: account.accountNo, amountFen: 1_000, method: 'wechat', transactionNo: 'WX-0001' };
  const first = await app.post('/collection/app/payments', body, { 'idempotency-key': 'app-key-1' });
  expect(first.status).toBe(201);
  expect(first.body.allocations).toEqual([{ billId: null, kind: 'prepayment', amountFen: 1_000 }]);
  expect((await Bill.findByPk(next.id))!.paidAt).not.toBeNull();
  const again = await app.post('/collection/app/payments', body, { 'idempotency-key': 'app-key-1' });
  expect(again.body.payment.id).toBe(first.body.payment.id);
  const view = await accountView(platform, account.accountNo);
  expect(view).toMatchObject({ prepaymentFen: 20_000 - leftFen - 5_000 + 1_000, bills: [] });
  expect(view.payments).toHaveLength(3);
  // The same app transaction under another key is refused, and a cashier may not use the app's route.
  expect((await app.post('/collection/app/payments', body, { 'idempotency-key': 'app-key-2' })).status).toBe(409);
  expect((await (await platform.as('qianli')).post('/collection/app/payments', body)).status).toBe(403);
});

test('a bank file: matched rows applied, unmatched rows reported with their reason, the same file refused twice', async () => {
  const account = await seedAccount('commercial');
  const bill = await issueBill(account.id, '2026-03', 30_000, '2026-04-30');
  const content = [
    'serial,account_no,amount,paid_on,period',
    `B0001,${account.accountNo},300.00,${DAY},2026-03`,
    `B0002,NO-SUCH-ACCOUNT,45.50,${DAY},`,
    `B0003,${account.accountNo},10.00,${DAY},2025-01`,
    `B0004,${account.accountNo},abc,${DAY},`,
    'TOTAL,4,355.50',
  ].join('\n');
  const cashier = await platform.as('qianli');
  const imported = await cashier.post('/collection/bank-files', { bank: 'ICBC', fileName: 'icbc-0424.csv', content });
  expect(imported.status).toBe(201);
  expect(imported.body).toMatchObject({
    rowCount: 4,
    matchedCount: 1,
    unmatchedCount: 3,
    matchedFen: 30_000,
    unmatchedFen: 4_550 + 1_000,
    declared: { count: 4, amountFen: 35_550 },
    totalsAgree: true,
  });
  expect(imported.body.unmatched.map((row: any) => [row.serial, row.reason])).toEqual([
    ['B0002', expect.stringMatching(/no account/)],
    ['B0003', expect.stringMatching(/no bill of 2025-01/)],
    ['B0004', expect.stringMatching(/bad amount/)],
  ]);
  expect((await Bill.findByPk(bill.id))!.paidAt).not.toBeNull();
  expect((await cashier.get(`/collection/bank-files/${imported.body.id}`)).body.unmatchedCount).toBe(3);
  const twice = await cashier.post('/collection/bank-files', { bank: 'ICBC', fileName: 'again.csv', content });
  expect(twice).toMatchObject({ status: 409, body: { code: 'BANK_FILE_ALREADY_IMPORTED' } });

  const day = (await cashier.get(`/collection/reconciliation?day=${DAY}`)).body;
  const bank = day.channels.find((channel: any) => channel.channel === 'bank');
  expect(bank.payments.count).toBeGreaterThanOrEqual(1);
  const file = day.bankFiles.find((found: any) => found.id === imported.body.id);
  expect(file).toMatchObject({ appliedFen: 30_000, matchedFen: 30_000, balanced: true });
});

test('a reversal: asked by a cashier, approved by a supervisor (not by the one who asked); the bill is open again', async () => {
  const account = await seedAccount('commercial');
  const bill = await issueBill(account.id, '2026-04', 12_000, '2026-05-15');
  const paid = await payAtCounter(platform, account.accountNo, 12_000);
  expect((await Bill.findByPk(bill.id))!.paidAt).not.toBeNull();
  const cashier = await platform.as('qianli');
  const asked = await cashier.post(`/collection/payments/${paid.payment.id}/refund`, {
    kind: 'reversal',
    reason: '收费员误录户号',
  });
  expect(asked).toMatchObject({ status: 201, body: { status: 'pending', amountFen: 12_000 } });
  expect((await cashier.post(`/collection/refunds/${asked.body.id}/approve`, {})).status).toBe(403);
  const approved = await (
    await platform.as('maxiao')
  ).post(`/collection/refunds/${asked.body.id}/approve`, {
    comment: '核实无误',
  });
  expect(approved.status).toBe(200);
  expect(approved.body.ledgerRow).toMatchObject({ amountFen: -12_000, refundOf: paid.payment.id, channel: 'counter' });
  expect((await Bill.findByPk(bill.id))!.paidAt).toBeNull();
  expect(await accountView(platform, account.accountNo)).toMatchObject({ bills: [{ principalLeftFen: 12_000 }] });
  const counter = (await cashier.get(`/collection/reconciliation?day=${DAY}`)).body.channels.find(
    (channel: any) => channel.channel === 'counter',
  );
  expect(counter.reversalsAndRefunds.amountFen).toBeLessThanOrEqual(-12_000);
  // A reversed payment takes no further request.
  const refund = await cashier.post(`/collection/payments/${paid.payment.id}/refund`, {
    kind: 'refund',
    reason: '退款',
  });
  expect(refund.status).toBe(409);
});
