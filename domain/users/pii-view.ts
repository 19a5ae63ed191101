/**
 * The whole view of ID and phone numbers (decision 0025): only roles with the `pii:view` permission get it, when
 * they ask (`?reveal=pii`); each whole view, and each refused one, is recorded in the audit log as `pii.view`.
 * Everyone else, and every list, gets the masked numbers.
 */
import { AppError } from '../../lib/errors/app-error';
import { maskPii } from '../../lib/privacy/mask-pii';
import { recordAudit } from '../audit';
import { hasPermission, PII_VIEW, type PermissionUser } from './permissions';

export interface PiiReader extends PermissionUser {
  login: string;
}

/** What the caller asked: the whole numbers or not, and the client address for the audit log. */
export interface PiiRequest {
  reveal: boolean;
  address?: string | null;
}

/** `record` as this reader may see it: whole when asked and allowed (audited), masked when not asked, 403 otherwise. */
export async function shownPii<T extends object>(
  reader: PiiReader,
  request: PiiRequest | undefined,
  target: string,
  record: T,
): Promise<T> {
  if (!request?.reveal) return maskPii(record);
  const allowed = await hasPermission(reader, PII_VIEW);
  await recordAudit({
    actor: reader.login,
    action: 'pii.view',
    target,
    address: request.address,
    outcome: allowed ? 'ok' : 'refused',
  });
  if (!allowed)
    throw new AppError(
      403,
      'PII_VIEW_FORBIDDEN',
      '您的角色不能查看完整证件号码和电话，请查看脱敏信息或联系营业厅 / your roles may not see whole ID and phone numbers: use the masked view or ask a counter clerk',
    );
  return record;
}
