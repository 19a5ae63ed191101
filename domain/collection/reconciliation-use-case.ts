/**
 * The daily reconciliation (日对账) per channel: for a day, each channel's payments (count and sum), the reversals
 * and refunds booked that day, the net; and each bank file imported that day with the bank's declared totals
 * against the rows matched, the rows left unmatched and what was applied from it.
 */
import { Op } from 'sequelize';
import { BankImport, BillPayment } from '../../db/collection/collection-models';
import { addDays, isDayString, startOfChinaDay } from '../../lib/calendar';
import { validationError } from '../../lib/errors/app-error';
import { bankImportView } from './bank-import-use-case';

export async function dailyReconciliation(day: unknown) {
  if (typeof day !== 'string' || !isDayString(day)) throw validationError('day: 应为 YYYY-MM-DD / day: YYYY-MM-DD');
  const payments = await BillPayment.findAll({ where: { paidOn: day } });
  const channels = ['counter', 'bank', 'app'].map((channel) => {
    const mine = payments.filter((payment) => payment.channel === channel);
    const taken = mine.filter((payment) => payment.amountFen > 0);
    const returned = mine.filter((payment) => payment.amountFen < 0);
    const sum = (rows: BillPayment[]) => rows.reduce((total, row) => total + row.amountFen, 0);
    return {
      channel,
      payments: { count: taken.length, amountFen: sum(taken) },
      reversalsAndRefunds: { count: returned.length, amountFen: sum(returned) },
      netFen: sum(mine),
    };
  });
  const imports = await BankImport.findAll({
    where: {
      importedAt: { [Op.gte]: new Date(startOfChinaDay(day)), [Op.lt]: new Date(startOfChinaDay(addDays(day, 1))) },
    },
    order: [['id', 'ASC']],
  });
  const bankFiles = await Promise.all(
    imports.map(async (record) => {
      const appliedFen = Number(
        (await BillPayment.sum('amountFen', { where: { bankImportId: record.id, amountFen: { [Op.gt]: 0 } } })) ?? 0,
      );
      const view = bankImportView(record);
      return {
        ...view,
        appliedFen,
        balanced: view.totalsAgree && appliedFen === record.matchedFen,
      };
    }),
  );
  return { day, channels, bankFiles };
}
