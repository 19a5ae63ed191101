/**
 * The supply scheme (供电方案) the designer wrote — or, for three-zero cases, the defaults of DMN
 * supply-scheme-defaults — saved for the case and replied to the customer (答复供电方案, docs/business-rules.md
 * §1.4); its normalised fields go back to the process (the fee rate decision reads them).
 */
import { SupplyScheme } from '../../db/business-expansion';
import type { DomainServices } from '../domain-services';
import { caseApplication } from './case-application-repository';
import { BILLING_METHOD_NAMES, LINE_TYPE_NAMES } from './contract-template';
import { notifyCustomer } from './customer-notice';

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
  /** The process step this comes from: one reply to the customer per occasion. */
  occasion: string;
}

export async function recordScheme(services: DomainServices, input: SchemeInput) {
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
  const builtBy = externalWorksBuiltBy === 'customer' ? '客户' : '供电企业';
  await notifyCustomer(services, input.occasion, application, {
    kind: 'supply-scheme',
    title: `【供电方案答复】${applicationNo}`,
    body:
      `供电电压 ${supplyVoltage}，供电点 ${fields.supplyPoint ?? '以现场为准'}，计量方式 ${meteringMethod}，` +
      `计费方式 ${BILLING_METHOD_NAMES[billingMethod] ?? billingMethod}，${LINE_TYPE_NAMES[lineType] ?? lineType}，` +
      `外部工程由${builtBy}建设。 / the supply scheme of your application`,
  });
  return {
    supplyVoltage,
    meteringMethod,
    billingMethod,
    lineType,
    externalWorksBuiltBy,
    circuitsInterconnected: input.circuitsInterconnected,
  };
}
