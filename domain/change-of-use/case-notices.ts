/**
 * The printable notices of a 变更用电 case: its acceptance receipt (受理回执) and, where the change has a fee, the
 * fee notice (缴费通知单).
 */
import { Account, Customer } from '../../db/core/customer-models';
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { businessRuleViolated, notFound } from '../../lib/errors/app-error';
import { chinaDateTime, yuan } from '../../lib/pdf/notice-format';
import type { NoticeContent } from '../../lib/pdf/notice-pdf';
import { CHANGE_TYPE_NAMES, type ChangeType } from './change-types';

export const CHANGE_OF_USE_NOTICES = ['acceptance-receipt', 'fee-notice'] as const;
export type ChangeOfUseNotice = (typeof CHANGE_OF_USE_NOTICES)[number];

const ISSUER = '国网上海市电力公司 营销服务中心';

export async function changeOfUseNotice(applicationNo: string, kind: ChangeOfUseNotice): Promise<NoticeContent> {
  const application = await ChangeApplication.findOne({ where: { applicationNo } });
  if (!application) throw notFound('变更申请 / change application', applicationNo);
  const [customer, account] = await Promise.all([
    Customer.findByPk(application.customerId),
    Account.findByPk(application.accountId),
  ]);
  const rows: [string, string][] = [
    ['申请编号', applicationNo],
    ['变更类型', CHANGE_TYPE_NAMES[application.changeType as ChangeType] ?? application.changeType],
    ['客户名称', customer?.name ?? '—'],
    ['户号', account?.accountNo ?? '—'],
    ['用电地址', account?.address ?? '—'],
    ['申请日期', application.requestedDate],
  ];
  if (kind === 'fee-notice') {
    if (!application.feeFen)
      throw businessRuleViolated('NOTICE_NOT_READY', `此变更无应缴费用 / this change has no fee: ${applicationNo}`);
    return {
      title: '缴费通知单',
      issuer: ISSUER,
      number: applicationNo,
      rows: [...rows, ['应缴费用', yuan(application.feeFen)]],
      sections: [{ heading: '缴费方式', text: '请持本通知单到营业厅缴费，或通过网上国网 App 缴纳。' }],
      closing: ['服务热线 95598'],
    };
  }
  return {
    title: '变更用电受理回执',
    issuer: ISSUER,
    number: applicationNo,
    rows: [
      ...rows,
      ['变更原因', application.reason],
      ['受理时间', chinaDateTime(application.submittedAt)],
      ['受理人', application.submittedBy],
    ],
    sections: [{ heading: '温馨提示', text: '您的变更用电申请已受理，凭申请编号可查询办理进度。' }],
    closing: ['服务热线 95598'],
  };
}
