import { DEFAULT_TENANT } from '../../../engine-api';

/** The broadcast signal: its key as a string and the tenant it was broadcast for. */
export const toBroadcastSignalResponse = (result: { key: number }, tenantId: string | undefined) => ({
  signalKey: String(result.key),
  tenantId: tenantId || DEFAULT_TENANT,
});
