import { Router, type Response } from 'express';
import type { EngineApi } from '../../../engine-api';
import {
  toActivateJobsRequest,
  toCompleteJob,
  toFailJobRequest,
  toJobChangeset,
  toJobKey,
  toThrowErrorRequest,
} from './job-request-mapper';
import { toActivateJobsResponse } from './job-response-mapper';

/**
 * Jobs: activation (long polling, ended early when the client goes away or the gateway closes), completion,
 * failure, BPMN error and update of retries and timeout.
 */
export function jobController(engine: EngineApi, closing: AbortSignal): Router {
  const router = Router();

  router.post('/jobs/activation', async (req, res) => {
    const request = toActivateJobsRequest(req.body);
    const jobs = await engine.activateJobs(request, abortOnDisconnect(res, closing));
    if (!res.destroyed) res.json(toActivateJobsResponse(jobs));
  });

  router.post('/jobs/:jobKey/completion', async (req, res) => {
    const { variables, result } = toCompleteJob(req.body);
    await engine.completeJob(toJobKey(req.params.jobKey), variables, result);
    noContent(res);
  });

  router.post('/jobs/:jobKey/failure', async (req, res) => {
    await engine.failJob(toFailJobRequest(toJobKey(req.params.jobKey), req.body));
    noContent(res);
  });

  router.post('/jobs/:jobKey/error', async (req, res) => {
    await engine.throwError(toThrowErrorRequest(toJobKey(req.params.jobKey), req.body));
    noContent(res);
  });

  router.patch('/jobs/:jobKey', async (req, res) => {
    const jobKey = toJobKey(req.params.jobKey);
    const { retries, timeout } = toJobChangeset(req.body);
    if (retries !== undefined) await engine.updateJobRetries(jobKey, retries);
    if (timeout !== undefined) await engine.updateJobTimeout(jobKey, timeout);
    noContent(res);
  });

  return router;
}

const noContent = (res: Response): void => void res.status(204).end();

/** A signal aborted when the client disconnects before the reply is written, or when the gateway closes. */
function abortOnDisconnect(res: Response, closing: AbortSignal): AbortSignal {
  const controller = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) controller.abort();
  };
  res.on('close', onClose);
  return AbortSignal.any([controller.signal, closing]);
}
