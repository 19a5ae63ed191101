import { allocate, type OpenBill } from './allocation';

const bill = (billId: number, dueDate: string, principalLeftFen: number, penaltyLeftFen = 0): OpenBill => ({
  billId,
  period: dueDate.slice(0, 7),
  dueDate,
  principalLeftFen,
  penaltyLeftFen,
});

test('the oldest bill first, its penalty before its principal, the rest to the next bill', () => {
  const result = allocate([bill(2, '2026-04-15', 8_000), bill(1, '2026-03-15', 15_000, 600)], 20_000);
  expect(result.allocations).toEqual([
    { billId: 1, kind: 'penalty', amountFen: 600 },
    { billId: 1, kind: 'principal', amountFen: 15_000 },
    { billId: 2, kind: 'principal', amountFen: 4_400 },
  ]);
  expect(result).toMatchObject({ paidBillIds: [1], leftFen: 0 });
});

test('more than is owed: every bill paid and the surplus left for the prepayment balance', () => {
  const result = allocate([bill(1, '2026-03-15', 1_000, 100)], 5_000);
  expect(result).toMatchObject({ paidBillIds: [1], leftFen: 3_900 });
});
