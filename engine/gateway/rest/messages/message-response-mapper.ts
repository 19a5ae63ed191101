import { DEFAULT_TENANT } from '../../../engine-api';

const tenantOf = (tenantId: string | undefined): string => tenantId || DEFAULT_TENANT;

/** The published message: its key as a string and the tenant it was published for. */
export const toPublishMessageResponse = (result: { key: number }, tenantId: string | undefined) => ({
  messageKey: String(result.key),
  tenantId: tenantOf(tenantId),
});

/** The correlated message and the first process instance it correlated with, keys as strings. */
export const toCorrelateMessageResponse = (
  result: { key: number; processInstanceKey: number },
  tenantId: string | undefined,
) => ({
  messageKey: String(result.key),
  tenantId: tenantOf(tenantId),
  processInstanceKey: String(result.processInstanceKey),
});
