import type { PublishMessageInput } from '../../../engine-api';
import { bodyObject, optionalInteger, optionalString, optionalVariables, requiredString } from '../request-validation';

export type CorrelateMessageInput = Omit<PublishMessageInput, 'timeToLive' | 'messageId'>;

/**
 * POST /v2/messages/publication: `name` is required; `correlationKey` defaults to '' (e.g. for message start events),
 * `timeToLive` (ms, int64 as number or string) to 0: correlate now or never; `messageId` deduplicates buffered messages.
 */
export function toPublishMessageInput(rawBody: unknown): PublishMessageInput {
  const body = bodyObject(rawBody);
  return {
    name: requiredString(body, 'name'),
    correlationKey: optionalString(body, 'correlationKey') ?? '',
    timeToLive: optionalInteger(body, 'timeToLive', 0),
    messageId: optionalString(body, 'messageId') || undefined,
    variables: optionalVariables(body) ?? {},
    tenantId: optionalString(body, 'tenantId') || undefined,
  };
}

/** POST /v2/messages/correlation: correlates now, never buffered. */
export function toCorrelateMessageInput(rawBody: unknown): CorrelateMessageInput {
  const body = bodyObject(rawBody);
  return {
    name: requiredString(body, 'name'),
    correlationKey: optionalString(body, 'correlationKey') ?? '',
    variables: optionalVariables(body) ?? {},
    tenantId: optionalString(body, 'tenantId') || undefined,
  };
}
