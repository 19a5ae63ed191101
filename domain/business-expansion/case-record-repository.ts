/**
 * Everything the database knows about one 业扩 case (with what people entered at its steps), as plain JSON: what the API shows and what the archive
 * (归档) keeps as its snapshot.
 */
import { Account, Customer } from '../../db/core/customer-models';
import { Application, ApplicationDocument, SupplyScheme } from '../../db/business-expansion/application-models';
import { Contract, Fee, Meter, MeteringPoint, Payment } from '../../db/business-expansion/case-models';
import { StepRecord } from '../../db/business-expansion/step-record-models';

const plain = <T extends { get(options: { plain: true }): unknown }>(row: T | null) =>
  row ? (row.get({ plain: true }) as Record<string, unknown>) : null;

export async function loadCaseRecord(applicationNo: string): Promise<Record<string, unknown> | undefined> {
  const application = await Application.findOne({ where: { applicationNo } });
  if (!application) return undefined;
  const where = { applicationNo };
  const [customer, account, documents, scheme, fees, payments, contract, point, steps] = await Promise.all([
    Customer.findByPk(application.customerId),
    application.accountId ? Account.findByPk(application.accountId) : null,
    ApplicationDocument.findAll({ where: { applicationId: application.id }, order: [['id', 'ASC']] }),
    SupplyScheme.findOne({ where }),
    Fee.findAll({ where, order: [['id', 'ASC']] }),
    Payment.findAll({ where, order: [['id', 'ASC']] }),
    Contract.findOne({ where }),
    MeteringPoint.findOne({ where }),
    stepRecordsOf(applicationNo),
  ]);
  const meter = point ? await Meter.findOne({ where: { meteringPointId: point.id } }) : null;
  const feesDueFen = fees.reduce((sum, fee) => sum + Number(fee.amountFen), 0);
  const paidFen = payments.reduce((sum, payment) => sum + Number(payment.amountFen), 0);
  return {
    application: plain(application),
    customer: plain(customer),
    account: plain(account),
    documents: documents.map(plain),
    scheme: plain(scheme),
    fees: fees.map(plain),
    payments: payments.map(plain),
    feesDueFen,
    paidFen,
    contract: plain(contract),
    metering: point ? { point: plain(point), meter: plain(meter) } : null,
    steps,
  };
}

/** What people entered at the case's steps, in the order it was recorded (step-record-use-case.ts). */
async function stepRecordsOf(applicationNo: string) {
  const rows = await StepRecord.findAll({ where: { applicationNo }, order: [['id', 'ASC']] });
  return rows.map(({ step, entered, recordedAt }) => ({ step, entered, recordedAt }));
}

/** Fees due and paid so far, in fen. */
export async function feeBalance(applicationNo: string): Promise<{ dueFen: number; paidFen: number }> {
  const [due, paid] = await Promise.all([
    Fee.sum('amountFen', { where: { applicationNo } }),
    Payment.sum('amountFen', { where: { applicationNo } }),
  ]);
  return { dueFen: Number(due ?? 0), paidFen: Number(paid ?? 0) };
}
