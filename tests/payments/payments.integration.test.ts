/**
 * Payments end to end (docs/business-rules.md §7), on a change-of-use meter move with a works fee of 1,000 yuan:
 * more than is due refused unless marked a prepayment, numbered receipts, a refund that changes what was paid only
 * once a second person approved it, a retried payment with the same Idempotency-Key recorded once (also when both
 * arrive at once), and every payment action in the audit log.
 */
import { ChangePayment } from '../../db/change-of-use/customer-action-models';
import { usePlatform, type Platform } from '../platform/platform-kit';
import {
  TODAY,
  caseOf,
  completeSteps,
  review,
  seedAccount,
  startCase,
  waitForCase,
} from '../change-of-use/change-of-use-kit';

let platform: Platform;

usePlatform((started) => {
  platform = started;
});

beforeEach(async () => {
  await platform.pinClock(TODAY);
});

const RECEIPT = /^SJ20261110-\d{4}$/;

/** A meter move whose fee notice asked for 1,000 yuan: the case waits for payment. */
async function caseWaitingForPayment(): Promise<string> {
  const account = await seedAccount();
  const move = await startCase(platform, { accountId: account.id, changeType: 'meter-move', newMeterLocation: '东墙' });
  await completeSteps(platform, move.processInstanceKey, [review({ feeYuan: 1000 })]);
  await waitForCase(platform, move.applicationNo, (found) => found.waitingFor.includes('payment'));
  return move.applicationNo;
}

test('prepayment, receipts, and a refund that only an approval by another person makes', async () => {
  const no = await caseWaitingForPayment();
  const payments = `/change-of-use/applications/${no}/payments`;
  const clerk = await platform.as('zhangli');
  const manager = await platform.as('zhoumin');

  const over = await clerk.post(payments, { amountFen: 100_001, method: 'counter' });
  expect([over.status, over.body.code]).toEqual([409, 'OVERPAID']);
  expect(over.body.message).toContain('prepayment');

  const first = await clerk.post(payments, { amountFen: 40_000, method: 'counter' });
  expect(first.status).toBe(201);
  expect(first.body.payment).toMatchObject({ amountFen: 40_000, receiptNo: expect.stringMatching(RECEIPT) });
  const prepaid = await clerk.post(payments, { amountFen: 70_000, method: 'wechat', prepayment: true });
  expect(prepaid.status).toBe(201);
  expect(prepaid.body).toMatchObject({ dueFen: 100_000, paidFen: 110_000, settled: true });
  expect(prepaid.body.payment.prepaymentFen).toBe(10_000);
  expect(prepaid.body.payment.receiptNo).not.toBe(first.body.payment.receiptNo);

  const receipt = await manager.get(`${payments}/${prepaid.body.payment.id}/receipt`);
  expect(receipt.status).toBe(200);
  expect(receipt.body).toMatchObject({
    receiptNo: prepaid.body.payment.receiptNo,
    caseKind: 'change-of-use',
    applicationNo: no,
    amountFen: 70_000,
    amountYuan: '700.00',
    prepaymentFen: 10_000,
    method: 'wechat',
    recordedBy: 'zhangli',
    payer: { name: expect.stringMatching(/^测试用户/) },
    refunds: [],
  });
  expect((await manager.get(`${payments}/999999/receipt`)).status).toBe(404);

  // The clerk asks; nothing changes until a manager other than the one who asked approves.
  const refundPath = `${payments}/${prepaid.body.payment.id}/refund`;
  expect((await clerk.post(refundPath, { amountFen: 10_000 })).status).toBe(400);
  expect((await manager.post(refundPath, { reason: '客户多缴，退还预缴部分' })).status).toBe(403);
  const tooMuch = await clerk.post(refundPath, { reason: '退还', amountFen: 70_001 });
  expect([tooMuch.status, tooMuch.body.code]).toEqual([409, 'REFUND_EXCEEDS_PAYMENT']);
  const asked = await clerk.post(refundPath, { reason: '客户多缴，退还预缴部分', amountFen: 10_000 });
  expect(asked.status).toBe(201);
  expect(asked.body).toMatchObject({ status: 'pending', kind: 'refund', amountFen: 10_000, requestedBy: 'zhangli' });
  expect((await clerk.post(refundPath, { reason: '再退一次', amountFen: 1 })).status).toBe(409);
  expect((await caseOf(platform, no)).fee.paidFen).toBe(110_000);

  const approve = `${payments}/${prepaid.body.payment.id}/refunds/${asked.body.id}/approve`;
  expect((await clerk.post(approve)).status).toBe(403);
  const approved = await manager.post(approve, { comment: '同意' });
  expect(approved.status).toBe(200);
  expect(approved.body).toMatchObject({ refund: { status: 'approved', decidedBy: 'zhoumin' }, paidFen: 100_000 });
  expect(approved.body.ledgerRow).toMatchObject({
    amountFen: -10_000,
    refundOf: prepaid.body.payment.id,
    receiptNo: expect.stringMatching(RECEIPT),
  });
  expect((await caseOf(platform, no)).fee).toMatchObject({ paidFen: 100_000, settled: true });
  expect((await manager.post(approve)).status).toBe(409);

  // A reversal asked by someone who may also approve (admin) still needs a second person; rejected, nothing changes.
  const admin = await platform.as('admin');
  const reversal = await admin.post(`${payments}/${first.body.payment.id}/refund`, {
    reason: '录入错误，冲正',
    kind: 'reversal',
  });
  expect(reversal.body).toMatchObject({ kind: 'reversal', amountFen: 40_000, status: 'pending' });
  const decide = `${payments}/${first.body.payment.id}/refunds/${reversal.body.id}`;
  const self = await admin.post(`${decide}/approve`);
  expect([self.status, self.body.code]).toEqual([403, 'SECOND_PERSON_REQUIRED']);
  expect((await manager.post(`${decide}/reject`, { comment: '核实无误' })).body.status).toBe('rejected');
  expect((await caseOf(platform, no)).fee.paidFen).toBe(100_000);
  const firstReceipt = await clerk.get(`${payments}/${first.body.payment.id}/receipt`);
  expect(firstReceipt.body.refunds).toEqual([expect.objectContaining({ kind: 'reversal', status: 'rejected' })]);

  const audit = (await admin.get(`/audit?target=case:${no}&size=100`)).body.items as any[];
  const entries = audit.map((entry) => [entry.action, entry.actor, entry.outcome]);
  expect(entries).toEqual(
    expect.arrayContaining([
      ['payment.record', 'zhangli', 'refused'],
      ['payment.record', 'zhangli', 'ok'],
      ['payment.refund-request', 'zhangli', 'ok'],
      ['payment.refund-approve', 'zhoumin', 'ok'],
      ['payment.refund-request', 'admin', 'ok'],
      ['payment.refund-approve', 'admin', 'refused'],
      ['payment.refund-reject', 'zhoumin', 'ok'],
    ]),
  );
  expect(audit.filter((entry) => entry.action === 'payment.record' && entry.outcome === 'ok')).toHaveLength(2);
});

test('a payment retried with the same Idempotency-Key is recorded once, also when both arrive at once', async () => {
  const no = await caseWaitingForPayment();
  const payments = `/change-of-use/applications/${no}/payments`;
  const clerk = await platform.as('zhangli');
  const body = { amountFen: 30_000, method: 'counter' };

  const [a, b] = await Promise.all([
    clerk.post(payments, body, { 'Idempotency-Key': 'pay-1' }),
    clerk.post(payments, body, { 'Idempotency-Key': 'pay-1' }),
  ]);
  expect([a.status, b.status]).toEqual([201, 201]);
  expect(b.body).toEqual(a.body);
  const retried = await clerk.post(payments, body, { 'Idempotency-Key': 'pay-1' });
  expect(retried).toEqual({ status: 201, body: a.body });
  expect(await ChangePayment.count({ where: { applicationNo: no } })).toBe(1);

  const reused = await clerk.post(payments, { ...body, amountFen: 30_001 }, { 'Idempotency-Key': 'pay-1' });
  expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  const badKey = await clerk.post(payments, body, { 'Idempotency-Key': 'x'.repeat(129) });
  expect(badKey.status).toBe(400);

  // Two different payments at once that together exceed the fee: the case's lock lets one in.
  const [c, d] = await Promise.all([
    clerk.post(payments, { amountFen: 50_000, method: 'counter' }, { 'Idempotency-Key': 'pay-2' }),
    clerk.post(payments, { amountFen: 50_000, method: 'alipay' }, { 'Idempotency-Key': 'pay-3' }),
  ]);
  expect([c.status, d.status].sort()).toEqual([201, 409]);
  expect((await caseOf(platform, no)).fee).toMatchObject({ dueFen: 100_000, paidFen: 80_000, settled: false });
  expect(await ChangePayment.count({ where: { applicationNo: no } })).toBe(2);
});
