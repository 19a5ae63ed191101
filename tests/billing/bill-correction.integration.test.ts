/**
 * 电费退补 end to end through the engine and the application: a clerk asks for a correction of an issued bill with
 * the corrected use; the worker recomputes it by the rules of the bill's period; the supervisor approves it in the
 * tasklist and the difference becomes one correction line on the bill (the bill's amount following), with the
 * request and the approval in the audit log. A rejected one changes nothing on the bill.
 */
import { BillLine } from '../../db/billing/billing-models';
import { applyCorrection, computeBill, loadBillableAccounts, loadTariffBook } from '../../domain/billing';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import { BILLING_CLERK, BILLING_SUPERVISOR, accountWithIssuedBill, seedBillingUsers } from './billing-platform-kit';

let platform: Platform;

usePlatform(async (started) => {
  platform = started;
  await seedBillingUsers();
  await platform.pinClock('2026-11-10T02:00:00Z');
});

const PERIOD = '2026-10';
const ISSUED_USE = { energyKwh: { total: 10_000 } };
const CORRECTED_USE = { energyKwh: { total: 12_000 } };

async function correctionWhen(correctionNo: string, status: string) {
  const clerk = await platform.as(BILLING_CLERK);
  return waitFor(
    async () => {
      const answer = await clerk.get(`/billing/corrections/${correctionNo}`);
      return answer.body.status === status ? answer.body : undefined;
    },
    { timeout: 30_000, interval: 150, description: `correction ${correctionNo} ${status}` },
  );
}

test('an approved correction becomes one line on the bill, by the rules of the bill’s period, audited', async () => {
  const { account, billId, draft } = await accountWithIssuedBill(PERIOD, ISSUED_USE);
  const clerk = await platform.as(BILLING_CLERK);
  const before = await clerk.get(`/billing/bills/${billId}`);
  expect(before.body).toMatchObject({ status: 'issued', amountFen: draft.amountFen, corrections: [] });

  const asked = await clerk.post(`/billing/bills/${billId}/corrections`, {
    reason: '抄表错误，实际电量 12000 kWh',
    correctedUse: CORRECTED_USE,
  });
  expect(asked.status).toBe(201);
  const { correctionNo, processInstanceKey } = asked.body;
  expect(correctionNo).toMatch(/^TB20261110-\d{4}$/);
  const again = await clerk.post(`/billing/bills/${billId}/corrections`, {
    reason: '重复申请',
    correctedUse: CORRECTED_USE,
  });
  expect(again.status).toBe(409);

  const task = await platform.openTask(processInstanceKey, 'approval');
  expect(task).toMatchObject({ candidateGroups: ['billing-supervisor'] });
  expect(task.dueDate).toBeTruthy();
  const computed = await correctionWhen(correctionNo, 'computed');
  const billable = (await loadBillableAccounts([account.id], PERIOD)).get(account.id)!;
  const expected = computeBill(billable, CORRECTED_USE, PERIOD, await loadTariffBook());
  expect(computed).toMatchObject({
    originalFen: draft.amountFen,
    recomputedFen: expected.amountFen,
    differenceFen: expected.amountFen - draft.amountFen,
  });
  // 2,000 kWh more at the two-part energy price 0.60 and the renewable surcharge 0.019 元/kWh.
  expect(computed.differenceFen).toBe(123_800);

  const refused = await (await platform.as('zhangli')).get(`/billing/bills/${billId}`);
  expect(refused.status).toBe(403);
  await platform.completeTask(BILLING_SUPERVISOR, processInstanceKey, 'approval', {
    approved: true,
    approvalComment: '核实无误',
  });
  const approved = await correctionWhen(correctionNo, 'approved');
  expect(approved).toMatchObject({ decidedBy: BILLING_SUPERVISOR, decisionComment: '核实无误' });

  const after = (await clerk.get(`/billing/bills/${billId}`)).body;
  const line = after.lines.at(-1);
  expect(line).toMatchObject({ kind: 'correction', amountFen: 123_800, seq: draft.lines.length + 1 });
  expect(line.correctionId).not.toBeNull();
  expect(after.amountFen).toBe(expected.amountFen);
  expect(after.amountFen).toBe(after.lines.reduce((sum: number, each: any) => sum + each.amountFen, 0));

  // A job delivered twice adds one line.
  await applyCorrection({ correctionNo, decidedBy: BILLING_SUPERVISOR, comment: null });
  expect(await BillLine.count({ where: { billId, kind: 'correction' } })).toBe(1);

  const audit = await (await platform.as('admin')).get(`/audit?target=bill:${billId}`);
  expect(audit.body.items.map((entry: any) => [entry.action, entry.actor])).toEqual([
    ['bill-correction.approve', BILLING_SUPERVISOR],
    ['bill-correction.request', BILLING_CLERK],
  ]);
});

test('a rejected correction leaves the bill as it was', async () => {
  const { billId, draft } = await accountWithIssuedBill(PERIOD, ISSUED_USE);
  const clerk = await platform.as(BILLING_CLERK);
  const asked = await clerk.post(`/billing/bills/${billId}/corrections`, {
    reason: '客户称电量偏高',
    correctedUse: { energyKwh: { total: 8_000 } },
  });
  expect(asked.status).toBe(201);
  await platform.completeTask(BILLING_SUPERVISOR, asked.body.processInstanceKey, 'approval', {
    approved: false,
    rejectionReason: '复核抄表读数无误',
  });
  const rejected = await correctionWhen(asked.body.correctionNo, 'rejected');
  expect(rejected).toMatchObject({ decidedBy: BILLING_SUPERVISOR, decisionComment: '复核抄表读数无误', lineId: null });
  expect(rejected.differenceFen).toBeLessThan(0);
  const bill = (await clerk.get(`/billing/bills/${billId}`)).body;
  expect(bill.amountFen).toBe(draft.amountFen);
  expect(bill.lines).toHaveLength(draft.lines.length);
  const audit = await (await platform.as('admin')).get(`/audit?target=bill:${billId}`);
  expect(audit.body.items.map((entry: any) => entry.action)).toEqual([
    'bill-correction.reject',
    'bill-correction.request',
  ]);
});
