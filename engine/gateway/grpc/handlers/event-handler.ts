import type * as proto from '../proto-types';
import { unary } from '../rpc-call';
import { checkTenant, formatInt64, parseInt64, parseJsonField } from '../wire-values';
import type { HandlerContext, RpcHandlers } from './handler-context';

/** PublishMessage and BroadcastSignal. */
export function eventHandlers({ engine, log }: HandlerContext): RpcHandlers {
  return {
    PublishMessage: unary<proto.PublishMessageRequest, proto.KeyWithTenant>('PublishMessage', log, async (req) => {
      const tenantId = checkTenant(req.tenantId, 'PublishMessage');
      const { key } = await engine.publishMessage({
        name: req.name,
        correlationKey: req.correlationKey,
        timeToLive: parseInt64(req.timeToLive, 'timeToLive'),
        messageId: req.messageId,
        variables: parseJsonField(req.variables, 'variables'),
        tenantId,
      });
      return { key: formatInt64(key), tenantId };
    }),
    BroadcastSignal: unary<proto.BroadcastSignalRequest, proto.KeyWithTenant>('BroadcastSignal', log, async (req) => {
      const tenantId = checkTenant(req.tenantId, 'BroadcastSignal');
      const { key } = await engine.broadcastSignal(
        req.signalName,
        parseJsonField(req.variables, 'variables'),
        tenantId,
      );
      return { key: formatInt64(key), tenantId };
    }),
  };
}
