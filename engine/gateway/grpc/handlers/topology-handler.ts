import type { Empty, TopologyResponse } from '../proto-types';
import { toTopologyResponse } from '../response-mapper';
import { unary } from '../rpc-call';
import type { HandlerContext, RpcHandlers } from './handler-context';

export function topologyHandlers({ engine, log }: HandlerContext): RpcHandlers {
  return {
    Topology: unary<Empty, TopologyResponse>('Topology', log, async () => toTopologyResponse(engine.topology())),
  };
}
