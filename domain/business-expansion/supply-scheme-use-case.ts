/**
 * The supply scheme (供电方案) the designer wrote — or, for three-zero cases, the defaults of DMN
 * supply-scheme-defaults — saved for the case; its normalised fields go back to the process (the fee rate decision
 * reads them).
 */
import { SupplyScheme } from '../../db/business-expansion';
import { caseApplication } from './case-application-repository';

/** What the process gives: the scheme's fields as entered (absent ones fall back to the application's). */
export interface SchemeInput {
  applicationNo: string;
  supplyVoltage: string | null;
  meteringMethod: string | null;
  billingMethod: string | null;
  lineType: string | null;
  externalWorksBuiltBy: string | null;
  supplyPoint: string | null;
  circuitsInterconnected: boolean;
  /** Notes and comments kept with the scheme as they are. */
  notes: Record<string, unknown>;
}

export async function recordScheme(input: SchemeInput) {
  const { applicationNo } = input;
  const application = await caseApplication(applicationNo);
  const fields = {
    applicationNo,
    supplyVoltage: input.supplyVoltage ?? application.voltage,
    capacityKva: application.capacityKva,
    meteringMethod: input.meteringMethod ?? '低压直接计量',
    billingMethod: input.billingMethod ?? 'single-part',
    lineType: input.lineType ?? 'overhead',
    externalWorksBuiltBy: input.externalWorksBuiltBy ?? 'supplier',
    supplyPoint: input.supplyPoint,
    details: { circuitsInterconnected: input.circuitsInterconnected, ...input.notes },
  };
  const existing = await SupplyScheme.findOne({ where: { applicationNo } });
  if (existing) await existing.update(fields);
  else await SupplyScheme.create(fields);
  const { supplyVoltage, meteringMethod, billingMethod, lineType, externalWorksBuiltBy } = fields;
  return {
    supplyVoltage,
    meteringMethod,
    billingMethod,
    lineType,
    externalWorksBuiltBy,
    circuitsInterconnected: input.circuitsInterconnected,
  };
}
