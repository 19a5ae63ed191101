/**
 * What the customer (and the crew) of a change case are told: the fee due, the end of a temporary change, an old
 * account that could not be closed. Each notice is sent once per dedup key (see customer-notice.ts).
 */
import { ModelError } from '../../lib/errors/model-error';
import { notify } from '../notifications';
import type { DomainServices } from '../domain-services';
import { caseApplication } from './change-application-repository';
import { noticeToCustomer } from './customer-notice';
import { debtMessage, unpaidBills, yuan } from './unpaid-bills';

/** The fee the clerk set at review (feeYuan, priced per job), kept on the application in fen; the customer is told. */
export async function noticeFee(
  services: DomainServices,
  input: { applicationNo: string; feeYuan: number; changeTypeName: string },
): Promise<{ feeFen: number }> {
  if (!Number.isFinite(input.feeYuan) || input.feeYuan < 0)
    throw new ModelError('审核时未填写应收费用 feeYuan / the review did not set the fee (feeYuan)');
  const application = await caseApplication(input.applicationNo);
  const feeFen = Math.round(input.feeYuan * 100);
  await application.update({ feeFen });
  await noticeToCustomer(services, application, {
    kind: 'fee-notice',
    title: `【缴费通知】变更用电 ${application.applicationNo}`,
    body: `您的${input.changeTypeName}申请 ${application.applicationNo} 应缴费用 ${yuan(feeFen)} 元，请及时缴纳。 / fee due: ${yuan(feeFen)} yuan`,
  });
  return { feeFen };
}

const WHAT_NOW: Record<string, string> = {
  'temporary-swap': '暂换期满，请换回原变压器 / the temporary swap has ended: restore the original transformer',
  'temporary-removal':
    '暂拆已满期限，容量不再保留，恢复用电须按新装办理 / the removal has run out: restoring supply now needs a new connection',
  'temporary-supply': '临时用电期满，请拆除或办理延期 / the temporary supply has ended: remove it or extend it',
};

/** A temporary change has run out: the customer and the site crew (`siteGroup`, a role) are told what comes next. */
export async function remindExpiry(
  services: DomainServices,
  input: { applicationNo: string; siteGroup: string },
): Promise<{ expiryNote: string }> {
  const application = await caseApplication(input.applicationNo);
  const whatNow = WHAT_NOW[application.changeType] ?? '变更期限已满 / the change has run out';
  const title = `【到期提醒】变更用电 ${application.applicationNo}`;
  await noticeToCustomer(services, application, { kind: 'expiry', title, body: whatNow });
  await notify(
    {
      dedupKey: `change-of-use:expiry-crew:${application.applicationNo}`,
      kind: 'expiry',
      recipientType: 'role',
      recipient: input.siteGroup,
      title,
      body: whatNow,
      businessKey: application.applicationNo,
    },
    { config: services.config },
  );
  return { expiryNote: whatNow };
}

/** The old account could not be closed: the customer is told what to pay, once per `occasion` (each refusal). */
export async function noticeCloseRefused(
  services: DomainServices,
  input: { applicationNo: string; occasion: string },
): Promise<{ closeNote: string }> {
  const application = await caseApplication(input.applicationNo);
  const unpaid = await unpaidBills([application.accountId], null);
  const closeNote = `旧户未能销户：${debtMessage(unpaid)}`;
  await noticeToCustomer(
    services,
    application,
    { kind: 'close-refused', title: `【销户提醒】变更用电 ${application.applicationNo}`, body: closeNote },
    input.occasion,
  );
  return { closeNote };
}
