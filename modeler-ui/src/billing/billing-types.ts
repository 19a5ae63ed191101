/** What the billing API answers, as the billing run and bill screens read it. */
export interface ReadingSection {
  id: number;
  code: string;
  name: string;
  accounts: number;
}

export interface RunSummary {
  id: number;
  runNo: string;
  period: string;
  state: string;
  startedBy: string;
  section: { id: number; code: string; name: string } | null;
  accounts: number;
  readings: number;
  accountsRead: number;
  anomalies: number;
  anomaliesOpen: number;
  bills: number;
  billsFlagged: number;
  billsIssued: number;
  amountFen: number;
}

export interface FlagReason {
  rule: string;
  detail?: Record<string, unknown>;
}

export interface RunBill {
  id: number;
  accountNo: string;
  period: string;
  amountFen: number;
  status: string;
  dueDate: string;
  paidAt: string | null;
  flagReasons: FlagReason[];
}

export interface RunAnomaly {
  id: number;
  accountNo: string | null;
  register: string;
  rule: string;
  detail: { use?: number; average?: number };
  status: 'open' | 'resolved';
  reading: number | null;
  reason: string | null;
  userTaskKey: string | null;
}

export interface ReadingImport {
  id: number;
  /** interrupted: the server stopped during the import (send the file again). */
  status: 'running' | 'done' | 'failed' | 'interrupted';
  totalRows: number;
  rowsDone: number;
  rowsSaved: number;
  rowsBad: number;
  percent: number;
  errors: { line: number; message: string }[];
}

export interface AccountHolder {
  accountId: number;
  accountNo: string;
  category: string;
  address: string;
  customer: { customerNo: string; name: string; phone: string } | null;
}

export interface AccountBill {
  id: number;
  period: string;
  amountFen: number;
  status: string;
  dueDate: string;
  paidAt: string | null;
}

export interface BillLine {
  seq: number;
  kind: string;
  description: string;
  quantity: number | null;
  unit: string | null;
  unitPrice: number | null;
  amountFen: number;
  correctionReason: string | null;
}

export interface BillStatement extends AccountHolder, AccountBill {
  tariff: { kind: string } | null;
  flagReasons: FlagReason[];
  paid: boolean;
  principalLeftFen: number;
  overdueDays: number;
  penaltyFen: number;
  lines: BillLine[];
  allocations: {
    id: number;
    kind: 'penalty' | 'principal' | 'prepayment';
    amountFen: number;
    allocatedOn: string;
    payment: { receiptNo: string; channel: string; method: string; paidOn: string } | null;
  }[];
}
