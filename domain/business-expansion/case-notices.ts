/**
 * The printable notices of a 业扩 case, from its record: the acceptance receipt (受理回执), the supply-scheme reply
 * (供电方案答复单), the fee notice (缴费通知单) and the supply contract (供用电合同). A notice whose content does not
 * exist yet (no scheme, no fees, no contract) is refused with what must happen first.
 */
import { businessRuleViolated, notFound } from '../../lib/errors/app-error';
import { chinaDateTime, yuan } from '../../lib/pdf/notice-format';
import type { NoticeContent } from '../../lib/pdf/notice-pdf';
import { BILLING_METHOD_NAMES, LINE_TYPE_NAMES } from './contract-template';
import { Customer } from '../../db/core/customer-models';
import { Application, ApplicationDocument, Contract, Fee, Payment, SupplyScheme } from '../../db/business-expansion';
import { DOCUMENT_KINDS, type DocumentKind } from './required-documents';

export const BUSINESS_EXPANSION_NOTICES = [
  'acceptance-receipt',
  'supply-scheme-reply',
  'fee-notice',
  'supply-contract',
] as const;
export type BusinessExpansionNotice = (typeof BUSINESS_EXPANSION_NOTICES)[number];

const ISSUER = '国网上海市电力公司 营销服务中心';
const SERVICE_LINE = '服务热线 95598';

const notYet = (what: string, applicationNo: string) =>
  businessRuleViolated('NOTICE_NOT_READY', `${what} / not available yet for ${applicationNo}`);

function facts(application: Application, customer: Customer | null): [string, string][] {
  return [
    ['申请编号', application.applicationNo],
    ['客户名称', customer?.name ?? '—'],
    ['客户编号', customer?.customerNo ?? '—'],
    ['用电地址', application.address],
    ['业务类型', application.businessType === 'increase' ? '增容' : '新装'],
    ['申请容量', `${Number(application.capacityKva)} kVA`],
    ['供电电压', application.voltage],
  ];
}

export async function businessExpansionNotice(
  applicationNo: string,
  kind: BusinessExpansionNotice,
): Promise<NoticeContent> {
  const application = await Application.findOne({ where: { applicationNo } });
  if (!application) throw notFound('业扩申请 / application', applicationNo);
  const customer = await Customer.findByPk(application.customerId);
  const where = { applicationNo };
  switch (kind) {
    case 'acceptance-receipt': {
      const handedIn = await ApplicationDocument.findAll({
        where: { applicationId: application.id },
        order: [['id', 'ASC']],
      });
      const documents = handedIn.map((document) => DOCUMENT_KINDS[document.kind as DocumentKind] ?? document.name);
      return {
        title: '业扩报装受理回执',
        issuer: ISSUER,
        number: applicationNo,
        rows: [
          ...facts(application, customer),
          ['受理时间', chinaDateTime(application.submittedAt)],
          ['受理人', application.submittedBy],
          ['已收资料', documents.join('、') || '—'],
        ],
        sections: [
          {
            heading: '温馨提示',
            text: '您的用电申请已受理。我们将按承诺时限开展现场勘查并答复供电方案，请保持联系电话畅通。凭申请编号可查询办理进度。',
          },
        ],
        closing: [SERVICE_LINE],
      };
    }
    case 'supply-scheme-reply': {
      const scheme = await SupplyScheme.findOne({ where });
      if (!scheme) throw notYet('供电方案尚未制定 / the supply scheme has not been drawn up', applicationNo);
      return {
        title: '供电方案答复单',
        issuer: ISSUER,
        number: applicationNo,
        rows: [
          ...facts(application, customer),
          ['供电电压', scheme.supplyVoltage],
          ['供电容量', `${Number(scheme.capacityKva)} kVA`],
          ['供电电源', scheme.supplyPoint ?? '—'],
          ['线路类型', LINE_TYPE_NAMES[scheme.lineType] ?? scheme.lineType],
          ['计量方式', scheme.meteringMethod],
          ['计费方式', BILLING_METHOD_NAMES[scheme.billingMethod] ?? scheme.billingMethod],
          ['外部工程', scheme.externalWorksBuiltBy === 'customer' ? '客户投资建设' : '供电企业投资建设'],
        ],
        sections: [
          {
            heading: '说明',
            text: '本方案为供电企业对您用电申请的正式答复。如有异议，请在收到本答复单后与受理营业厅联系。',
          },
        ],
        closing: [SERVICE_LINE],
      };
    }
    case 'fee-notice': {
      const [fees, payments] = await Promise.all([
        Fee.findAll({ where, order: [['id', 'ASC']] }),
        Payment.findAll({ where }),
      ]);
      if (fees.length === 0) throw notYet('尚无应缴费用 / no fees have been set', applicationNo);
      const due = fees.reduce((sum, fee) => sum + Number(fee.amountFen), 0);
      const paid = payments.reduce((sum, payment) => sum + Number(payment.amountFen), 0);
      return {
        title: '缴费通知单',
        issuer: ISSUER,
        number: applicationNo,
        rows: [
          ...facts(application, customer).slice(0, 4),
          ...fees.map((fee): [string, string] => [fee.name, yuan(Number(fee.amountFen))]),
          ['应缴合计', yuan(due)],
          ['已缴', yuan(paid)],
          ['尚需缴纳', yuan(Math.max(0, due - paid))],
        ],
        sections: [
          { heading: '缴费方式', text: '请持本通知单到营业厅缴费，或通过网上国网 App 缴纳。缴费后工程方可继续。' },
        ],
        closing: [SERVICE_LINE],
      };
    }
    case 'supply-contract': {
      const contract = await Contract.findOne({ where });
      if (!contract) throw notYet('供用电合同尚未起草 / the supply contract has not been drafted', applicationNo);
      return {
        title: '供用电合同',
        issuer: ISSUER,
        number: contract.contractNo,
        rows: [
          ['合同编号', contract.contractNo],
          ['申请编号', applicationNo],
          ['签订日期', contract.signedOn ?? '未签订 / not signed'],
        ],
        sections: [{ heading: '合同正文', text: contract.text }],
        closing: ['供电人（盖章）：__________', '用电人（签字）：__________'],
      };
    }
  }
}
