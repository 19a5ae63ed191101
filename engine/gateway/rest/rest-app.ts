import express, { type Express } from 'express';
import type { EngineApi } from '../../engine-api';
import { invalidArgument } from '../../errors';
import { MAX_REST_BODY_DEPTH, nestsDeeperThan } from '../../json-depth';
import type { EngineAuth } from '../auth/engine-auth';
import { requireBearerToken } from '../auth/rest-authentication';
import { tokenEndpoint } from '../auth/token-endpoint';
import { clockController } from './clock/clock-controller';
import { decisionController } from './decisions/decision-controller';
import { deploymentController } from './deployments/deployment-controller';
import { problemErrorHandler, unknownRouteHandler } from './error-mapper';
import { incidentController } from './incidents/incident-controller';
import { jobController } from './jobs/job-controller';
import { messageController } from './messages/message-controller';
import { instanceRepairController } from './process-instances/instance-repair-controller';
import { processInstanceController } from './process-instances/process-instance-controller';
import { resourceController } from './resources/resource-controller';
import { searchController } from './search/search-controller';
import { signalController } from './signals/signal-controller';
import { topologyController } from './topology/topology-controller';
import { userTaskController } from './user-tasks/user-task-controller';

const MAX_JSON_BYTES = '16mb';

/**
 * The Camunda 8 REST API v2 (Orchestration Cluster API) as an express app under /v2: one controller per resource,
 * every failure answered as RFC 9457 problem details. `closing` ends pending long polls when the gateway stops.
 * With OAuth on, POST /oauth/token issues tokens and every /v2 request, topology included (as in Camunda 8),
 * needs one.
 */
export function createRestApp(engine: EngineApi, closing: AbortSignal, auth: EngineAuth): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  if (auth.enabled) app.use(tokenEndpoint(auth));

  const v2 = express.Router();
  // Before the body parsers: a caller without a token gets nothing parsed.
  if (auth.enabled) v2.use(requireBearerToken(auth));
  v2.use(express.json({ limit: MAX_JSON_BYTES, type: ['application/json', 'application/*+json'] }));
  v2.use((req, _res, next) => {
    next(
      nestsDeeperThan(req.body, MAX_REST_BODY_DEPTH)
        ? invalidArgument(
            `Expected the request body to nest at most ${MAX_REST_BODY_DEPTH} levels deep, but it nests deeper`,
          )
        : undefined,
    );
  });
  v2.use(topologyController(engine));
  v2.use(deploymentController(engine));
  v2.use(processInstanceController(engine));
  v2.use(jobController(engine, closing));
  v2.use(incidentController(engine));
  v2.use(clockController(engine));
  v2.use(messageController(engine), signalController(engine));
  v2.use(userTaskController(engine));
  v2.use(searchController(engine));
  v2.use(decisionController(engine));
  v2.use(instanceRepairController(engine), resourceController(engine));

  app.use('/v2', v2);
  app.use(unknownRouteHandler);
  app.use(problemErrorHandler);
  return app;
}
