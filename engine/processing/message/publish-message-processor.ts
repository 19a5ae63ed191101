import type { Variables } from '../../engine-api';
import { EngineError, notFound } from '../../errors';
import type { CommandProcessor } from '../command-context';
import { correlateMessage } from './message-correlation';

export interface PublishMessageRequest {
  name: string;
  correlationKey: string;
  /** ms; 0: correlate now or never */
  timeToLive: number;
  messageId: string;
  variables: Variables;
  tenantId: string;
}

/**
 * PublishMessage: correlates to what waits now and, with a time to live, stays buffered for subscriptions that
 * open later. A messageId may be buffered only once per name and correlation key.
 */
export const publishMessageProcessor: CommandProcessor<{ request: PublishMessageRequest }, { key: number }> = (
  ctx,
  { request },
) => {
  if (request.messageId) {
    const duplicate = ctx.state.messages
      .matching(request.name, request.correlationKey)
      .find((m) => m.messageId === request.messageId && m.deadline > ctx.now());
    if (duplicate) {
      throw new EngineError(
        'ALREADY_EXISTS',
        `Expected to publish a new message with id '${request.messageId}', but a message with that id was already published`,
      );
    }
  }
  const key = ctx.state.keys.next();
  ctx.writer.append('MESSAGE', 'PUBLISHED', key, {
    ...request,
    deadline: ctx.now() + Math.max(0, request.timeToLive),
    correlatedProcessIds: [],
  });
  correlateMessage(ctx, { key, ...request, correlatedProcessIds: [] });
  return { key };
};

/** REST correlate: correlates now or fails with NOT_FOUND; never buffered. Answers the first instance reached. */
export const correlateMessageProcessor: CommandProcessor<
  { request: Omit<PublishMessageRequest, 'timeToLive' | 'messageId'> },
  { key: number; processInstanceKey: number }
> = (ctx, { request }) => {
  const key = ctx.state.keys.next();
  // Checked before anything is written: a message nothing waits for leaves no trace.
  const waiting =
    ctx.state.subscriptions
      .messages(request.name, request.correlationKey)
      .some((s) => ctx.state.elementInstances.get(s.elementInstanceKey)?.state === 'ELEMENT_ACTIVATED') ||
    ctx.state.subscriptions.messageStarts(request.name).length > 0;
  if (!waiting) {
    throw notFound(
      `Expected to find a subscription for message '${request.name}' with correlation key '${request.correlationKey}', but none was found`,
    );
  }
  const reached = correlateMessage(ctx, { key, ...request, correlatedProcessIds: [] });
  if (reached.length === 0) {
    throw notFound(
      `Expected to correlate message '${request.name}' with correlation key '${request.correlationKey}', but no process instance could take it`,
    );
  }
  ctx.writer.append('MESSAGE', 'CORRELATED', key, { ...request, processInstanceKey: reached[0] });
  return { key, processInstanceKey: reached[0] };
};
