/**
 * The case's metering point (计量点, JLD…) and its meter with an asset number (资产编号, ZC…), sized from the
 * scheme's voltage and metering method. One of each per case.
 */
import { UniqueConstraintError } from 'sequelize';
import { Meter, MeteringPoint, SupplyScheme } from '../../db/business-expansion';
import { nextNumber } from '../numbering';
import { caseApplication } from './case-application-repository';

/** The meter spec by supply voltage and metering method (a reasoned default the metering team may refine). */
export function meterSpec(supplyVoltage: string, meteringMethod: string): string {
  if (supplyVoltage === '220V') return '单相智能电能表 220V 5(60)A 2级';
  if (meteringMethod.includes('直接')) return '三相四线智能电能表 3×220/380V 10(100)A 1级';
  if (supplyVoltage === '380V' || meteringMethod.includes('低计'))
    return '三相四线智能电能表 3×220/380V 1.5(6)A 0.5S级（经电流互感器）';
  return '三相三线智能电能表 3×100V 1.5(6)A 0.2S级（经电压、电流互感器）';
}

export async function assignMetering(
  applicationNo: string,
): Promise<{ meteringPointNo: string; meterAssetNo: string }> {
  const application = await caseApplication(applicationNo);
  const scheme = await SupplyScheme.findOne({ where: { applicationNo } });
  const supplyVoltage = scheme?.supplyVoltage ?? application.voltage;
  const meteringMethod = scheme?.meteringMethod ?? '低压直接计量';
  const sequelize = MeteringPoint.sequelize!;
  const assign = () =>
    sequelize.transaction(async (transaction) => {
      let point = await MeteringPoint.findOne({ where: { applicationNo }, transaction });
      point ??= await MeteringPoint.create(
        {
          pointNo: await nextNumber('JLD', transaction),
          applicationNo,
          accountId: application.accountId,
          location: application.address,
          meteringMethod,
        },
        { transaction },
      );
      let meter = await Meter.findOne({ where: { meteringPointId: point.id }, transaction });
      meter ??= await Meter.create(
        {
          assetNo: await nextNumber('ZC', transaction),
          meteringPointId: point.id,
          spec: meterSpec(supplyVoltage, meteringMethod),
          installedAt: null,
        },
        { transaction },
      );
      return { meteringPointNo: point.pointNo, meterAssetNo: meter.assetNo };
    });
  // A concurrent repeat of the step that got there first leaves its rows: read them on the second try.
  return assign().catch((error: unknown) => {
    if (error instanceof UniqueConstraintError) return assign();
    throw error;
  });
}
