import type * as proto from '../proto-types';
import { toCreateInstanceRequest, toCreateInstanceWithResultArgs, toProcessInstanceKey } from '../request-mapper';
import { toCreateInstanceResponse, toCreateInstanceWithResultResponse } from '../response-mapper';
import { unary } from '../rpc-call';
import type { HandlerContext, RpcHandlers } from './handler-context';

export function processInstanceHandlers({ engine, log }: HandlerContext): RpcHandlers {
  return {
    CreateProcessInstance: unary<proto.CreateProcessInstanceRequest, proto.CreateProcessInstanceResponse>(
      'CreateProcessInstance',
      log,
      async (req) => toCreateInstanceResponse(await engine.createProcessInstance(toCreateInstanceRequest(req))),
    ),
    CreateProcessInstanceWithResult: unary<
      proto.CreateProcessInstanceWithResultRequest,
      proto.CreateProcessInstanceWithResultResponse
    >('CreateProcessInstanceWithResult', log, async (req) =>
      toCreateInstanceWithResultResponse(
        await engine.createProcessInstanceWithResult(...toCreateInstanceWithResultArgs(req)),
      ),
    ),
    CancelProcessInstance: unary<proto.CancelProcessInstanceRequest, proto.Empty>(
      'CancelProcessInstance',
      log,
      async (req) => {
        await engine.cancelProcessInstance(toProcessInstanceKey(req));
        return {};
      },
    ),
  };
}
