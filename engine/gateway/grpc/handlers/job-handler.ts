import type * as proto from '../proto-types';
import {
  toCompleteJobArgs,
  toFailJobRequest,
  toThrowErrorRequest,
  toUpdateJobRetriesArgs,
  toUpdateJobTimeoutArgs,
} from '../job-request-mapper';
import { unary } from '../rpc-call';
import type { HandlerContext, RpcHandlers } from './handler-context';

/** Commands on one activated job. Activation itself is in job-activation-handler. */
export function jobHandlers({ engine, log }: HandlerContext): RpcHandlers {
  return {
    CompleteJob: unary<proto.CompleteJobRequest, proto.Empty>('CompleteJob', log, async (req) => {
      await engine.completeJob(...toCompleteJobArgs(req));
      return {};
    }),
    FailJob: unary<proto.FailJobRequest, proto.Empty>('FailJob', log, async (req) => {
      await engine.failJob(toFailJobRequest(req));
      return {};
    }),
    ThrowError: unary<proto.ThrowErrorRequest, proto.Empty>('ThrowError', log, async (req) => {
      await engine.throwError(toThrowErrorRequest(req));
      return {};
    }),
    UpdateJobRetries: unary<proto.UpdateJobRetriesRequest, proto.Empty>('UpdateJobRetries', log, async (req) => {
      await engine.updateJobRetries(...toUpdateJobRetriesArgs(req));
      return {};
    }),
    UpdateJobTimeout: unary<proto.UpdateJobTimeoutRequest, proto.Empty>('UpdateJobTimeout', log, async (req) => {
      await engine.updateJobTimeout(...toUpdateJobTimeoutArgs(req));
      return {};
    }),
  };
}
