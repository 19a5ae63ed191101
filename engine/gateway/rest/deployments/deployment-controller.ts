import { Router, type RequestHandler } from 'express';
import multer, { MulterError } from 'multer';
import { invalidArgument } from '../../../errors';
import type { EngineApi } from '../../../engine-api';
import { toDeployRequest } from './deployment-request-mapper';
import { toDeploymentResponse } from './deployment-response-mapper';

const MAX_RESOURCE_BYTES = 16 * 1024 * 1024;

export function deploymentController(engine: EngineApi): Router {
  const multipart = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_RESOURCE_BYTES },
    // form-data (the SDK) and browsers send UTF-8 file names without declaring a charset
    defParamCharset: 'utf8',
  });
  const upload: RequestHandler = (req, res, next) =>
    multipart.array('resources')(req, res, (err?: unknown) => next(asRequestError(err)));
  const router = Router();
  router.post('/deployments', upload, async (req, res) => {
    const { resources, tenantId } = toDeployRequest(req.files, req.body);
    res.json(toDeploymentResponse(await engine.deployResources(resources, tenantId)));
  });
  return router;
}

/** A body busboy cannot parse is the client's fault: 400, not 500. */
function asRequestError(err: unknown): unknown {
  if (err === undefined || err === null || err instanceof MulterError) return err;
  return invalidArgument(`Invalid multipart request: ${err instanceof Error ? err.message : String(err)}`);
}
