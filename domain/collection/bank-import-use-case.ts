/**
 * Importing a bank's collection file (decision 0056): each readable row is matched to an account (by its number)
 * and, when it names a period, to that account's issued bill; a matched row becomes a payment of the bank channel
 * (its serial the external reference, so a row is never taken twice), applied as every payment is. Rows that do not
 * match are reported with their reason and not applied (the bank is asked about them). The same file twice is
 * refused; the file's own totals are kept for the daily reconciliation.
 */
import { createHash } from 'node:crypto';
import { UniqueConstraintError } from 'sequelize';
import { BankImport, BillPayment } from '../../db/collection/collection-models';
import { Bill } from '../../db/core/customer-models';
import { appClock } from '../../lib/clock/app-clock';
import { AppError } from '../../lib/errors/app-error';
import { parseInput } from '../../lib/validation/parse-input';
import { z } from '../../lib/validation/zh-error-map';
import { recordAudit } from '../audit';
import type { DomainServices } from '../domain-services';
import type { PaymentActor } from '../payments';
import { notifyArrearsSettled } from './arrears-settled';
import { parseBankFile, type BankRow } from './bank-file-format';
import { accountNamed, takePayment } from './record-payment-use-case';

export const bankFileInput = z
  .object({
    bank: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{2,16}$/),
    fileName: z.string().trim().min(1).max(255),
    content: z.string().min(1).max(20_000_000),
  })
  .strict();

interface Unmatched {
  line: number;
  serial: string;
  accountNo: string;
  amountFen: number | null;
  reason: string;
}

/** Why a readable row matches nothing, or null when it matches. */
async function mismatch(row: BankRow, bank: string): Promise<string | null> {
  const account = await accountNamed(row.accountNo).catch(() => null);
  if (!account) return `户号不存在 / no account ${row.accountNo}`;
  if (row.period !== null) {
    const bill = await Bill.findOne({ where: { accountId: account.id, period: row.period, status: 'issued' } });
    if (!bill) return `该户无 ${row.period} 账单 / no bill of ${row.period} for the account`;
  }
  if ((await BillPayment.count({ where: { channel: 'bank', externalRef: `${bank}:${row.serial}` } })) > 0)
    return `流水号已入账 / serial ${row.serial} already recorded`;
  return null;
}

export async function importBankFile(
  services: Pick<DomainServices, 'sequelize' | 'camunda'>,
  body: unknown,
  actor: PaymentActor,
) {
  const input = parseInput(bankFileInput, body, '银行代收文件');
  const file = parseBankFile(input.content);
  const unmatched: Unmatched[] = [];
  const matched: { row: BankRow; accountId: number }[] = [];
  const serials = new Set<string>();
  for (const row of file.rows) {
    const reason =
      row.problem ??
      (serials.has(row.serial) ? `文件内流水号重复 / serial repeated in the file` : await mismatch(row, input.bank));
    serials.add(row.serial);
    if (reason)
      unmatched.push({
        line: row.line,
        serial: row.serial,
        accountNo: row.accountNo,
        amountFen: row.amountFen,
        reason,
      });
    else matched.push({ row, accountId: (await accountNamed(row.accountNo)).id });
  }
  const sum = (rows: { amountFen: number | null }[]) => rows.reduce((total, row) => total + (row.amountFen ?? 0), 0);
  const matchedFen = sum(matched.map(({ row }) => row));
  let imported: BankImport;
  try {
    imported = await services.sequelize.transaction(async (transaction) => {
      const record = await BankImport.create(
        {
          bank: input.bank,
          fileName: input.fileName,
          fileHash: createHash('sha256').update(input.content).digest('hex'),
          rowCount: file.rows.length,
          matchedCount: matched.length,
          unmatchedCount: unmatched.length,
          declaredCount: file.declaredCount,
          declaredFen: file.declaredFen,
          matchedFen,
          unmatchedFen: sum(unmatched),
          report: unmatched,
          importedBy: actor.login,
          importedAt: appClock.now(),
        },
        { transaction },
      );
      for (const { row, accountId } of matched)
        await takePayment(
          {
            accountId,
            amountFen: row.amountFen!,
            channel: 'bank',
            method: 'bank-collection',
            externalRef: `${input.bank}:${row.serial}`,
            bankImportId: record.id,
            paidOn: row.paidOn,
          },
          actor.login,
          transaction,
        );
      return record;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError)
      throw new AppError(409, 'BANK_FILE_ALREADY_IMPORTED', '该文件已导入 / this file has already been imported');
    throw error;
  }
  for (const accountId of new Set(matched.map((item) => item.accountId)))
    await notifyArrearsSettled(services, accountId);
  await recordAudit({
    actor: actor.login,
    action: 'bank-file.import',
    target: `bank-import:${imported.id}`,
    address: actor.address,
    detail: { bank: input.bank, fileName: input.fileName, matched: matched.length, unmatched: unmatched.length },
  });
  return bankImportView(imported);
}

export const bankImportView = (record: BankImport) => ({
  id: record.id,
  bank: record.bank,
  fileName: record.fileName,
  importedAt: record.importedAt,
  importedBy: record.importedBy,
  rowCount: record.rowCount,
  matchedCount: record.matchedCount,
  unmatchedCount: record.unmatchedCount,
  declared: { count: record.declaredCount, amountFen: record.declaredFen },
  matchedFen: record.matchedFen,
  unmatchedFen: record.unmatchedFen,
  /** The bank's totals agree with the rows in the file. */
  totalsAgree:
    record.declaredCount === record.rowCount && record.declaredFen === record.matchedFen + record.unmatchedFen,
  unmatched: record.report as Unmatched[],
});

export async function bankImportReport(id: number) {
  const record = await BankImport.findByPk(id);
  if (!record) throw new AppError(404, 'NOT_FOUND', `导入记录 ${id} 不存在 / no bank import ${id}`);
  return bankImportView(record);
}
