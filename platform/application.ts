/**
 * Starts the application around a running engine: database (migrated), seeds, model deployment, job workers and
 * the API. Used by `npm start` and by the end-to-end tests alike.
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
import { allWorkers } from '../workers';
import { startWorkers } from '../workers/worker-registry';
import { startScheduleReminders } from '../domain/time-limits';
import { repairUnstartedCases } from '../domain/cases';
import { releaseLeases } from '../domain/idempotency';
import { deployModels } from './deploy-models';
import type { PlatformServices } from './platform-services';
import { demoSeeds, referenceSeeds } from './seed';

const log = logger('platform');

export interface RunningApplication {
  url: string;
  services: PlatformServices;
  stop(): Promise<void>;
}

export async function startApplication(config: AppConfig, options: { demoData: boolean }): Promise<RunningApplication> {
  const sequelize = createSequelize(config.APP_DATABASE_URL);
  await openDatabase(sequelize);
  const camunda = createCamundaClients(config);
  const services: PlatformServices = { sequelize, camunda, config };
  const freshDatabase = (await User.count()) === 0;
  for (const seed of referenceSeeds) await seed(services);
  const deployed = await deployModels(camunda);
  log.info('models deployed', { files: deployed });
  const workers = startWorkers(allWorkers, services);
  // Cases a crash or a failed start left without a process instance get it now (decision 0024).
  await releaseLeases();
  await repairUnstartedCases(services);
  const stopReminders = startScheduleReminders(config);
  // Demo cases are real process instances: they need the models and the workers.
  if (options.demoData && freshDatabase) {
    for (const seed of demoSeeds) await seed(services);
    log.info('demo data seeded');
  }
  const authSecret = config.APP_AUTH_SECRET ?? randomBytes(32).toString('hex');
  const app = createApp({ ...services, authSecret });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(config.APP_PORT, config.APP_HOST, () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.APP_HOST}:${port}`;
  return {
    url,
    services,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      stopReminders();
      await workers.close();
      await camunda.close();
      await sequelize.close();
    },
  };
}
