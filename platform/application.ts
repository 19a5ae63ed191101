/**
 * Starts the application around a running engine: database (migrated), seeds, model deployment, job workers, the
 * reconciliation of cases with the engine and the API. Used by `npm start` and by the end-to-end tests alike. A
 * start that fails stops what it had started before it rethrows.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../api/app';
import { createSequelize } from '../db/database';
import { User } from '../db/core/user-models';
import { openDatabase } from '../db/migrator';
import type { AppConfig } from '../lib/config/app-config';
import { createCamundaClients } from '../lib/camunda/camunda-client';
import { logger } from '../lib/logger/logger';
import { bringTextIndexUpToDate } from '../db/text-index/text-index';
import { allWorkers } from '../workers';
import { startWorkers } from '../workers/worker-registry';
import { repairUnstartedCases, startCaseReconciler } from '../domain/cases';
import { startScheduleReminders } from '../domain/time-limits';
import { releaseLeases } from '../domain/idempotency';
import { restoreClockPin } from '../domain/clock';
import { startArrearsSchedule } from '../domain/collection';
import { interruptRunningImports } from '../domain/billing';
import { deployModels } from './deploy-models';
import type { PlatformServices } from './platform-services';
import { demoSeeds, demoUserSeeds, referenceSeeds } from './seed';

const log = logger('platform');

export interface RunningApplication {
  /** The API's base url; empty when this process runs the workers only (APP_ROLE=workers). */
  url: string;
  services: PlatformServices;
  stop(): Promise<void>;
}

/** Listens, or fails in plain words when the port is taken (another instance may be running on it). */
function listen(app: ReturnType<typeof createApp>, config: AppConfig): Promise<Server> {
  return new Promise((resolve, reject) => {
    // Express 5 hands a listen error to this callback.
    const server = app.listen(config.APP_PORT, config.APP_HOST, (error?: NodeJS.ErrnoException) => {
      if (!error) resolve(server);
      else if (error.code !== 'EADDRINUSE') reject(error);
      else
        reject(
          new Error(
            `the API port ${config.APP_PORT} on ${config.APP_HOST} is already in use: another instance of the ` +
              'platform may be running there. Stop it, or set APP_PORT to another port (0 picks a free one).',
          ),
        );
    });
  });
}

export async function startApplication(config: AppConfig, options: { demoData: boolean }): Promise<RunningApplication> {
  /** What has started so far, stopped in reverse order. */
  const started: (() => Promise<void> | void)[] = [];
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      for (const stopOne of [...started].reverse()) await stopOne();
    })());
  // APP_ROLE (decision 0058): the API, the job workers, or both in this process.
  const api = config.APP_ROLE !== 'workers';
  const workers = config.APP_ROLE !== 'api';
  try {
    const sequelize = createSequelize(config.APP_DATABASE_URL);
    started.push(() => sequelize.close());
    await openDatabase(sequelize);
    // Rows written before the case search's text index, or before a change of what it holds (decision 0068).
    const indexed = await bringTextIndexUpToDate(sequelize, (table, rows) =>
      log.info('text index: table indexed', { table, rows }),
    );
    if (indexed) log.info('text index built', { rows: indexed });
    // A clock pinned before a restart stays pinned (the engine keeps its own pin as state).
    await restoreClockPin();
    const camunda = createCamundaClients(config);
    started.push(() => camunda.close());
    const services: PlatformServices = { sequelize, camunda, config };
    const freshDatabase = (await User.count()) === 0;
    // Seeds and models are the API's to lay down; a workers-only process finds them there.
    if (api) {
      for (const seed of referenceSeeds) await seed(services);
      const deployed = await deployModels(camunda);
      log.info('models deployed', { files: deployed });
    }
    if (workers) {
      const running = startWorkers(allWorkers, services);
      started.push(() => running.close());
    }
    if (api) {
      // Cases a crash or a failed start left without a process instance get it now (decision 0024).
      await releaseLeases();
      await repairUnstartedCases(services);
      // Reading imports a stopped process left running are marked interrupted, to be sent again (decision 0062).
      await interruptRunningImports();
    }
    if (workers) started.push(startScheduleReminders(config));
    // Demo cases are real process instances: they need the models and the workers, so an API-only process seeds
    // the demo users alone.
    if (api && options.demoData && freshDatabase) {
      for (const seed of workers ? demoSeeds : demoUserSeeds) await seed(services);
      log.info(workers ? 'demo data seeded' : 'demo users seeded (demo cases need the workers in this process)');
    }
    if (workers) started.push(startCaseReconciler(camunda, config.APP_RECONCILE_INTERVAL_SECONDS));
    // The day's arrears cases, opened by the platform at the configured hour (decision 0060).
    if (workers) started.push(startArrearsSchedule(services, config.ARREARS_OPEN_HOUR));
    if (!api) return { url: '', services, stop };
    const authSecret = config.APP_AUTH_SECRET ?? randomBytes(32).toString('hex');
    const server = await listen(createApp({ ...services, authSecret }), config);
    started.push(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    });
    const { port } = server.address() as AddressInfo;
    return { url: `http://${config.APP_HOST}:${port}`, services, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
