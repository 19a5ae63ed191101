/** What the collection API answers, as the cashier's and the collectors' screens read it. */
export interface OpenBill {
  billId: number;
  period: string;
  dueDate: string;
  amountFen: number;
  principalLeftFen: number;
  penaltyLeftFen: number;
  overdueDays: number;
  overdue: boolean;
}

export interface AccountArrears {
  accountNo: string;
  customerName: string | null;
  category: string;
  day: string;
  bills: OpenBill[];
  owedFen: number;
  overdueFen: number;
  penaltyFen: number;
  prepaymentFen: number;
  arrearsCase: { caseNo: string; status: string } | null;
}

export interface PaymentAnswer {
  payment: { id: number; receiptNo: string; amountFen: number; paidOn: string };
  accountNo: string;
  allocations: { billId: number | null; kind: 'penalty' | 'principal' | 'prepayment'; amountFen: number }[];
}

export interface UnmatchedRow {
  line: number;
  serial: string;
  accountNo: string;
  amountFen: number | null;
  reason: string;
}

export interface BankImportReport {
  id: number;
  bank: string;
  fileName: string;
  importedAt: string;
  importedBy: string;
  rowCount: number;
  matchedCount: number;
  unmatchedCount: number;
  declared: { count: number; amountFen: number };
  matchedFen: number;
  unmatchedFen: number;
  totalsAgree: boolean;
  unmatched: UnmatchedRow[];
}

export interface ArrearsCaseRow {
  caseNo: string;
  status: string;
  openedOn: string;
  accountNo: string;
  customerName: string | null;
  overdueFen: number;
  penaltyFen: number;
  cutPlannedAt: string | null;
  disconnectedAt: string | null;
  settledAt: string | null;
}
