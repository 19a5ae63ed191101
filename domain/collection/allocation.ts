/**
 * How money meets an account's open bills (decision 0056): the oldest bill first (due date, then period), and on
 * each bill its penalty before its principal; what is left over goes into the prepayment balance. Pure: the use
 * cases hand it the bills as they stand on the payment day.
 */

export interface OpenBill {
  billId: number;
  period: string;
  dueDate: string;
  principalLeftFen: number;
  /** The penalty accrued to the payment day and not yet paid. */
  penaltyLeftFen: number;
}

export interface Allocation {
  billId: number | null;
  kind: 'penalty' | 'principal' | 'prepayment';
  amountFen: number;
}

export interface AllocationResult {
  allocations: Allocation[];
  /** Bills whose principal (and, penalty coming first, their penalty) is paid in full. */
  paidBillIds: number[];
  leftFen: number;
}

export const oldestFirst = (a: OpenBill, b: OpenBill): number =>
  a.dueDate.localeCompare(b.dueDate) || a.period.localeCompare(b.period) || a.billId - b.billId;

/** Spends `amountFen` on the bills, oldest first, penalty before principal; answers what is left. */
export function allocate(bills: OpenBill[], amountFen: number): AllocationResult {
  const allocations: Allocation[] = [];
  const paidBillIds: number[] = [];
  let left = amountFen;
  for (const bill of [...bills].sort(oldestFirst)) {
    if (left <= 0) break;
    const penalty = Math.min(left, bill.penaltyLeftFen);
    if (penalty > 0) allocations.push({ billId: bill.billId, kind: 'penalty', amountFen: penalty });
    left -= penalty;
    const principal = Math.min(left, bill.principalLeftFen);
    if (principal > 0) allocations.push({ billId: bill.billId, kind: 'principal', amountFen: principal });
    left -= principal;
    if (penalty === bill.penaltyLeftFen && principal === bill.principalLeftFen) paidBillIds.push(bill.billId);
  }
  return { allocations, paidBillIds, leftFen: left };
}
