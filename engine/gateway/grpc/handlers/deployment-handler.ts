import type * as proto from '../proto-types';
import { toDeployProcessArgs, toDeployResourceArgs, toResourceKey } from '../request-mapper';
import { toDeployProcessResponse, toDeployResourceResponse } from '../response-mapper';
import { unary } from '../rpc-call';
import type { HandlerContext, RpcHandlers } from './handler-context';

export function deploymentHandlers({ engine, log }: HandlerContext): RpcHandlers {
  return {
    DeployResource: unary<proto.DeployResourceRequest, proto.DeployResourceResponse>(
      'DeployResource',
      log,
      async (req) => toDeployResourceResponse(await engine.deployResources(...toDeployResourceArgs(req))),
    ),
    /** Deprecated in the proto, still used by older clients (zeebe-node's deployProcess). */
    DeployProcess: unary<proto.DeployProcessRequest, proto.DeployProcessResponse>('DeployProcess', log, async (req) =>
      toDeployProcessResponse(await engine.deployResources(...toDeployProcessArgs(req))),
    ),
    DeleteResource: unary<proto.DeleteResourceRequest, proto.Empty>('DeleteResource', log, async (req) => {
      await engine.deleteResource(toResourceKey(req));
      return {};
    }),
  };
}
