/**
 * The bank collection file (代收文件) the platform reads (docs/collection-bank-file.md): UTF-8 CSV, a header line,
 * one line per collected payment, and a closing TOTAL line with the bank's own count and sum. Pure: the import use
 * case matches the rows to accounts and bills.
 *
 *   serial,account_no,amount,paid_on,period
 *   ICBC20260424000001,HH0001,150.00,2026-04-24,2026-02
 *   TOTAL,1,150.00
 */
import { isDayString } from '../../lib/calendar';
import { validationError } from '../../lib/errors/app-error';

export const BANK_FILE_HEADER = 'serial,account_no,amount,paid_on,period';

export interface BankRow {
  line: number;
  serial: string;
  accountNo: string;
  amountFen: number | null;
  paidOn: string;
  period: string | null;
  /** Why the row cannot be read, if it cannot. */
  problem: string | null;
}

export interface BankFile {
  rows: BankRow[];
  declaredCount: number;
  declaredFen: number;
}

const AMOUNT = /^\d{1,10}(\.\d{1,2})?$/;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Yuan with up to two decimals to fen, without a binary fraction on the way. */
export function fenOf(amount: string): number | null {
  if (!AMOUNT.test(amount)) return null;
  const [whole, part = ''] = amount.split('.');
  return Number(whole) * 100 + Number(part.padEnd(2, '0'));
}

function rowOf(cells: string[], line: number): BankRow {
  const [serial = '', accountNo = '', amount = '', paidOn = '', period = ''] = cells.map((cell) => cell.trim());
  const amountFen = fenOf(amount);
  const problem =
    cells.length !== 5
      ? `应有 5 列 / 5 columns expected, found ${cells.length}`
      : !serial || !accountNo
        ? '流水号或户号为空 / serial or account number missing'
        : amountFen === null || amountFen === 0
          ? `金额不正确 / bad amount "${amount}"`
          : !isDayString(paidOn)
            ? `缴费日期不正确 / bad day "${paidOn}"`
            : period !== '' && !PERIOD.test(period)
              ? `账期不正确 / bad period "${period}"`
              : null;
  return { line, serial, accountNo, amountFen, paidOn, period: period || null, problem };
}

export function parseBankFile(content: string): BankFile {
  const lines = content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines[0] !== BANK_FILE_HEADER)
    throw validationError(`首行应为 "${BANK_FILE_HEADER}" / the first line must be "${BANK_FILE_HEADER}"`);
  const total = lines[lines.length - 1]?.split(',') ?? [];
  const declaredFen = fenOf(total[2]?.trim() ?? '');
  if (lines.length < 2 || total[0] !== 'TOTAL' || !/^\d+$/.test(total[1]?.trim() ?? '') || declaredFen === null)
    throw validationError('末行应为 "TOTAL,<笔数>,<金额>" / the last line must be "TOTAL,<count>,<amount>"');
  const rows = lines.slice(1, -1).map((line, index) => rowOf(line.split(','), index + 2));
  return { rows, declaredCount: Number(total[1]), declaredFen };
}
