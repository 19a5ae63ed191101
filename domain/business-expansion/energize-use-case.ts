/**
 * 送电建档: the supply is on. A new connection gets its account (用电户, HH…),
 * active; a capacity increase raises its account's capacity. The meter is marked installed. Done once per case
 * (Application.energizedAt), so a repeated step changes nothing. Then the account is opened for billing (its tariff
 * terms and initial readings, decision 0062), itself safe to repeat.
 */
import { Account } from '../../db/core/customer-models';
import { Meter, MeteringPoint, SupplyScheme } from '../../db/business-expansion';
import { appClock } from '../../lib/clock/app-clock';
import { ModelError } from '../../lib/errors/model-error';
import { nextNumber } from '../numbering';
import { StepRecord } from '../../db/business-expansion/step-record-models';
import { openAccountForBilling } from '../billing';
import { caseApplication } from './case-application-repository';

export async function energize(applicationNo: string): Promise<{ accountNo: string }> {
  const sequelize = Account.sequelize!;
  const accountNo = await sequelize.transaction(async (transaction) => {
    const application = await caseApplication(applicationNo, transaction);
    if (application.energizedAt && application.accountId)
      return (await Account.findByPk(application.accountId, { transaction }))!.accountNo;
    const now = appClock.now();
    const scheme = await SupplyScheme.findOne({ where: { applicationNo }, transaction });
    const supplyVoltage = scheme?.supplyVoltage ?? application.voltage;
    let account: Account;
    if (application.businessType === 'increase') {
      const existing = application.accountId ? await Account.findByPk(application.accountId, { transaction }) : null;
      if (!existing) throw new ModelError(`增容申请 ${applicationNo} 没有用电户 / no account to increase`);
      const capacityKva = existing.capacityKva + application.capacityKva;
      account = await existing.update({ capacityKva, voltage: supplyVoltage, status: 'active' }, { transaction });
    } else {
      account = await Account.create(
        {
          accountNo: await nextNumber('HH', transaction),
          customerId: application.customerId,
          address: application.address,
          voltage: supplyVoltage,
          capacityKva: application.capacityKva,
          category: application.category,
          status: 'active',
          supplyPoint: scheme?.supplyPoint ?? null,
          basicChargeStoppedOn: null,
          basicChargeRestartsOn: null,
        },
        { transaction },
      );
    }
    const point = await MeteringPoint.findOne({ where: { applicationNo }, transaction });
    if (point) {
      await point.update({ accountId: account.id }, { transaction });
      await Meter.update({ installedAt: now }, { where: { meteringPointId: point.id }, transaction });
    }
    await application.update({ accountId: account.id, energizedAt: now }, { transaction });
    return account.accountNo;
  });
  await openForBilling(applicationNo);
  return { accountNo };
}

/** The energized account is opened for billing: its tariff terms and its meters' initial readings (decision 0062). */
async function openForBilling(applicationNo: string): Promise<void> {
  const application = await caseApplication(applicationNo);
  const account = (await Account.findByPk(application.accountId!))!;
  const scheme = await SupplyScheme.findOne({ where: { applicationNo } });
  const point = await MeteringPoint.findOne({ where: { applicationNo } });
  const meters = point ? await Meter.findAll({ where: { meteringPointId: point.id } }) : [];
  const installed = await StepRecord.findOne({
    where: { applicationNo, step: 'install-meter' },
    order: [['id', 'DESC']],
  });
  const initialValue = Number(installed?.entered.initialReading ?? 0);
  await openAccountForBilling(Account.sequelize!, {
    accountId: account.id,
    applicationNo,
    energizedAt: application.energizedAt!,
    meterIds: meters.map((meter) => meter.id),
    initialValue: Number.isFinite(initialValue) && initialValue >= 0 ? initialValue : 0,
    facts: {
      category: account.category,
      voltage: account.voltage,
      capacityKva: Number(account.capacityKva),
      billingMethod: scheme?.billingMethod ?? null,
    },
  });
}
