import type * as proto from '../proto-types';
import { toSetVariablesArgs } from '../request-mapper';
import { unary } from '../rpc-call';
import { formatInt64 } from '../wire-values';
import type { HandlerContext, RpcHandlers } from './handler-context';

export function variablesHandlers({ engine, log }: HandlerContext): RpcHandlers {
  return {
    SetVariables: unary<proto.SetVariablesRequest, { key: proto.Int64 }>('SetVariables', log, async (req) => ({
      key: formatInt64(await engine.setVariables(...toSetVariablesArgs(req))),
    })),
  };
}
