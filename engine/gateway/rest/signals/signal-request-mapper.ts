import type { Variables } from '../../../engine-api';
import { bodyObject, optionalString, optionalVariables, requiredString } from '../request-validation';

export interface BroadcastSignalInput {
  signalName: string;
  variables: Variables;
  tenantId?: string;
}

/** POST /v2/signals/broadcast: `signalName` is required, `variables` a JSON object. */
export function toBroadcastSignalInput(rawBody: unknown): BroadcastSignalInput {
  const body = bodyObject(rawBody);
  return {
    signalName: requiredString(body, 'signalName'),
    variables: optionalVariables(body) ?? {},
    tenantId: optionalString(body, 'tenantId') || undefined,
  };
}
