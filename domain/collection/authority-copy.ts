/**
 * Important customers' disconnection is reported to the power authority too (docs/business-rules.md §4: 重要用户停电
 * 应报电力管理部门): when the written notice goes to a customer marked important (`customers.important`, set at
 * acceptance), a copy is recorded for the authority of the customer's area, once per case.
 */
import type { Account, Customer } from '../../db/core/customer-models';
import type { ArrearsCase } from '../../db/collection/collection-models';
import type { AppConfig } from '../../lib/config/app-config';
import { notify } from '../notifications';

export const AUTHORITY_RECIPIENT_TYPE = 'authority';

export async function copyNoticeToAuthority(
  config: AppConfig,
  found: ArrearsCase,
  account: Account,
  customer: Customer | null,
  cutDay: string,
): Promise<void> {
  if (!customer?.important) return;
  await notify(
    {
      dedupKey: `arrears:authority-copy:${found.caseNo}`,
      kind: 'arrears-authority-copy',
      recipientType: AUTHORITY_RECIPIENT_TYPE,
      recipient: `电力管理部门 ${customer.area}`,
      title: '重要用户欠费停电报备 / Important customer: disconnection for arrears',
      body: `重要用户 ${customer.name}（户号 ${account.accountNo}）欠费，已送达停电通知书，计划于 ${cutDay} 停电 / important customer ${account.accountNo} to be disconnected on ${cutDay}`,
      businessKey: found.caseNo,
    },
    { config },
  );
}
