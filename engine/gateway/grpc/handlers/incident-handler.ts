import type * as proto from '../proto-types';
import { toIncidentKey } from '../request-mapper';
import { unary } from '../rpc-call';
import type { HandlerContext, RpcHandlers } from './handler-context';

export function incidentHandlers({ engine, log }: HandlerContext): RpcHandlers {
  return {
    ResolveIncident: unary<proto.ResolveIncidentRequest, proto.Empty>('ResolveIncident', log, async (req) => {
      await engine.resolveIncident(toIncidentKey(req));
      return {};
    }),
  };
}
