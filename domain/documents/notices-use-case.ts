/**
 * A case's printable notice as a PDF: the case's area says which notices it has and builds the content; this
 * renders it. Every print is recorded in the audit log (a notice carries the customer's personal data).
 */
import {
  BUSINESS_EXPANSION_NOTICES,
  businessExpansionNotice,
  type BusinessExpansionNotice,
} from '../business-expansion';
import { CHANGE_OF_USE_NOTICES, changeOfUseNotice, type ChangeOfUseNotice } from '../change-of-use';
import { workOrderSheet } from '../work-orders';
import { appClock } from '../../lib/clock/app-clock';
import { AppError, notFound } from '../../lib/errors/app-error';
import { renderNoticePdf, type NoticeContent } from '../../lib/pdf/notice-pdf';
import { recordAudit } from '../audit';
import { requireCaseFor, type CaseArea } from '../cases';
import { PII_VIEW, hasPermission, type ScopeUser } from '../users';

export const NOTICES_BY_AREA: Record<CaseArea, readonly string[]> = {
  'business-expansion': BUSINESS_EXPANSION_NOTICES,
  'change-of-use': CHANGE_OF_USE_NOTICES,
  'work-order': ['work-order-sheet'],
};

/** The supply contract carries the customer's whole ID number: only roles with the whole view print it. */
const NEEDS_PII_VIEW = new Set(['supply-contract']);

function content(area: CaseArea, businessKey: string, kind: string, wholePii: boolean): Promise<NoticeContent> {
  switch (area) {
    case 'business-expansion':
      return businessExpansionNotice(businessKey, kind as BusinessExpansionNotice);
    case 'change-of-use':
      return changeOfUseNotice(businessKey, kind as ChangeOfUseNotice);
    case 'work-order':
      return workOrderSheet(businessKey, { wholePhone: wholePii });
  }
}

/** The notices a case can print (those whose content is not there yet answer 422 when asked). */
export async function noticesOf(reader: ScopeUser, businessKey: string) {
  const area = await requireCaseFor(reader, businessKey);
  return { businessKey, area, notices: NOTICES_BY_AREA[area] };
}

export async function printNotice(
  businessKey: string,
  kind: string,
  actor: ScopeUser & { login: string; address?: string },
) {
  const area = await requireCaseFor(actor, businessKey);
  if (!NOTICES_BY_AREA[area].includes(kind))
    throw notFound(`通知书（此类案件可打印：${NOTICES_BY_AREA[area].join(', ')}）/ notice`, `${businessKey}/${kind}`);
  const wholePii = await hasPermission(actor, PII_VIEW);
  if (NEEDS_PII_VIEW.has(kind) && !wholePii)
    throw new AppError(
      403,
      'FORBIDDEN',
      '此通知书含完整证件号码，您的岗位无权打印 / this notice holds the whole ID number, which your roles may not see',
    );
  const pdf = await renderNoticePdf(await content(area, businessKey, kind, wholePii), appClock.now());
  await recordAudit({
    actor: actor.login,
    action: 'notice.print',
    target: `case:${businessKey}`,
    address: actor.address,
    detail: { kind },
  });
  return { fileName: `${businessKey}-${kind}.pdf`, pdf };
}
