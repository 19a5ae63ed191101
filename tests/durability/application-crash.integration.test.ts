/**
 * Durability of the application: it loses nothing and does nothing twice when it is killed (kill -9) mid-work.
 * The engine and the application run as separate processes; 95598 consultations and 业扩 low-voltage residential
 * cases are driven concurrently through the API as the demo users; while the workers are numbering, recording and
 * archiving, the application is killed and started again on the same database. Every case the API acknowledged
 * (201) must then end archived exactly once, with one of each thing a case makes (archive row, account, contract,
 * metering point, meter, history row, notification), and no incident. Jobs the dead process held come back once
 * their timeout passes on the engine clock: the test moves the pinned clock past it after the restart.
 *
 * It found the SQLite stalls that decision 0014 answers (transactions taking turns, queries joining their
 * transaction).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sequelize } from 'sequelize';
import { createSequelize } from '../../db/database';
import { freshMariadbUrl, startEngineProcess, type EngineProcess } from '../support/engine-process';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { waitFor } from '../support/wait-for';
import {
  CONTRACT_SIGNED,
  DOCUMENTS,
  METER_INSTALLED,
  SCHEME_LV,
  SURVEY_OK,
  applicant,
} from '../business-expansion/business-expansion-kit';
import { orderBody } from '../work-orders/work-order-kit';
import { FollowingClient, completeStep, type OpenTask } from './crash-driver';
import { checkNoIncidents, failedJobs, jobFigures } from './crash-engine-log';
import { checkAppDatabase, unansweredSubmissions, workSavedBeforeTheKill, type Case } from './crash-ledger';

jest.setTimeout(180_000);

const T0 = Date.parse('2026-10-13T01:00:00Z'); // a Tuesday, 09:00 in China
/** Past the workers' job timeout (60 s): jobs the killed process had activated become activatable again. */
const AFTER_RESTART = T0 + 2 * 60_000;
/**
 * After the restart the pinned clock runs on at twice real speed: a job that failed (e.g. a database deadlock in
 * the burst of redeliveries) is retried after its back-off, which a clock standing still would never end.
 */
const TICK_MS = 1_000;
const TICK_BY_MS = 2_000;
const ORDERS = 24;
const APPLICATIONS = 12;
const TRICKLE_MAX = 20;
const AUTH_SECRET = 'application-crash-test-secret';
const CONTENT = '请问交电费有哪些方式？';
const ANSWER = { answer: '可通过网上国网 APP、支付宝或营业厅缴纳电费。', answerResolved: true };
const LV_SCHEME = { ...SCHEME_LV, supplyVoltage: '220V', meteringMethod: '低压直接计量', billingMethod: 'single-part' };

async function freshAppDatabaseUrl(): Promise<string> {
  if (process.env.ENGINE_TEST_DATABASE === 'mariadb') return freshMariadbUrl('app_crash');
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'app-crash-')), 'app.db')}`;
}

describe('application crash (kill -9 mid-work)', () => {
  let engine: EngineProcess | undefined;
  let app: AppProcess | undefined;
  let appDatabase: Sequelize | undefined;
  let stopTicker = (): void => undefined;

  afterAll(async () => {
    stopTicker();
    await appDatabase?.close();
    await app?.stop();
    await engine?.stop();
  });

  it('archives every acknowledged case exactly once, with nothing made twice', async () => {
    engine = await startEngineProcess();
    const databaseUrl = await freshAppDatabaseUrl();
    const options = {
      databaseUrl,
      grpcAddress: engine.grpcAddress,
      restAddress: engine.restAddress,
      engineAuth: engine.sdkAuth,
      authSecret: AUTH_SECRET,
    };
    app = await startAppProcess({ ...options, demoData: true });
    const client = new FollowingClient();
    client.follow(app.apiUrl);
    const pinClock = async (time: number) => {
      const answer = await client.call('admin', 'PUT', '/admin/clock', { time: new Date(time).toISOString() });
      expect(answer.status).toBe(200);
    };
    await pinClock(T0);

    const done = new Set<string>();
    const cases: Case[] = [];
    /** Phones / id numbers of submissions that got no answer. */
    const unacknowledged: string[] = [];
    let stepsDone = 0;
    let killed = false;

    const orderTasks = async (c: Case): Promise<OpenTask[]> =>
      (await client.call('admin', 'GET', `/tasks?scope=group&processInstanceKey=${c.processInstanceKey}`)).body.items;
    const applicationTasks = async (c: Case): Promise<OpenTask[]> =>
      (await client.call('admin', 'GET', `/business-expansion/applications/${c.no}`)).body.currentTasks;
    const step = async (c: Case, elementId: string, login: string, variables: Record<string, unknown>) => {
      const tasks = c.kind === 'order' ? orderTasks : applicationTasks;
      await completeStep(client, () => tasks(c), elementId, login, variables, done);
      stepsDone++;
    };
    const isArchived = async (c: Case): Promise<boolean> => {
      if (c.kind === 'order')
        return (await client.call('admin', 'GET', `/work-orders/${c.no}`)).body.state === 'archived';
      return (
        (await client.call('admin', 'GET', `/business-expansion/applications/${c.no}`)).body.application.state ===
        'archived'
      );
    };
    const untilArchived = async (c: Case) => {
      await waitFor(() => isArchived(c), { timeout: 60_000, interval: 250, description: `${c.no} archived` });
      c.archived = true;
    };

    /** Submits a case; one that got no 201 (the application died during the call) is only noted. */
    const submit = async (kind: Case['kind']): Promise<Case | undefined> => {
      const [login, path, body] =
        kind === 'order'
          ? ['liuna', '/work-orders', orderBody({ orderType: 'consultation', subType: undefined, content: CONTENT })]
          : [
              'zhangli',
              '/business-expansion/applications',
              {
                customer: applicant(),
                businessType: 'new',
                address: '上海市浦东新区张杨路 500 弄 3 号',
                voltage: '220V',
                capacityKva: 8,
                category: 'residential',
                documents: DOCUMENTS.residential,
              },
            ];
      const answer = await client.attempt(login, 'POST', path, body);
      if (answer?.status !== 201) {
        if (answer && answer.status < 500)
          throw new Error(`submit ${kind}: ${answer.status} ${JSON.stringify(answer)}`);
        unacknowledged.push(
          kind === 'order' ? String(body.phone) : String((body.customer as { idNumber: string }).idNumber),
        );
        return undefined;
      }
      const no = kind === 'order' ? answer.body.orderNo : answer.body.applicationNo;
      const submitted: Case = { kind, no, processInstanceKey: answer.body.processInstanceKey, archived: false };
      cases.push(submitted);
      return submitted;
    };
    const driveOrder = async (c: Case) => {
      await step(c, 'agent-answer', 'liuna', ANSWER);
      await untilArchived(c);
    };
    const driveApplication = async (c: Case) => {
      await step(c, 'survey', 'wangqiang', SURVEY_OK);
      await step(c, 'supply-scheme', 'liuyang', LV_SCHEME);
      await step(c, 'sign-contract', 'zhangli', CONTRACT_SIGNED);
      await step(c, 'install-meter', 'sunhao', METER_INSTALLED);
      await untilArchived(c);
    };
    // The first driver that fails ends the test at once (instead of waiting for its deadlines).
    let failDrivers: (error: unknown) => void = () => undefined;
    const driverFailed = new Promise<never>((_resolve, reject) => (failDrivers = reject));
    driverFailed.catch(() => undefined);
    const drive = async (kind: Case['kind']) => {
      try {
        const submitted = await submit(kind);
        if (submitted) await (kind === 'order' ? driveOrder(submitted) : driveApplication(submitted));
      } catch (error) {
        failDrivers(error);
        throw error;
      }
    };

    // All cases at once, plus a trickle of further orders until the kill (some of them die with it).
    const drivers = [
      ...Array.from({ length: ORDERS }, () => drive('order')),
      ...Array.from({ length: APPLICATIONS }, () => drive('application')),
    ];
    const trickle = (async () => {
      for (let n = 0; n < TRICKLE_MAX && !killed; n++) {
        // Pacing the load (one more order every 0.7 s until the kill), not waiting for anything.
        await new Promise((resolve) => setTimeout(resolve, 700));
        if (!killed) drivers.push(drive('order'));
      }
    })();
    const totalSteps = ORDERS + 4 * APPLICATIONS;
    await Promise.race([
      driverFailed,
      waitFor(() => stepsDone >= totalSteps * 0.4, { timeout: 60_000, description: '40 % of the steps done' }),
    ]);

    // kill -9 while jobs flow; restart on the same databases.
    client.follow(undefined);
    const killedAt = Date.now();
    await app.kill();
    killed = true;
    await trickle;
    const atKill = {
      casesAcknowledged: cases.length,
      casesInFlight: cases.filter((c) => !c.archived).length,
      userTasksCompleted: stepsDone,
    };
    expect(atKill.casesInFlight).toBeGreaterThan(0);
    app = await startAppProcess({ ...options, demoData: true });
    const restartMs = Date.now() - killedAt;
    client.follow(app.apiUrl);
    await pinClock(AFTER_RESTART);
    let engineTime = AFTER_RESTART;
    const ticker = setInterval(() => {
      engineTime += TICK_BY_MS;
      client
        .attempt('admin', 'PUT', '/admin/clock', { time: new Date(engineTime).toISOString() })
        .catch(() => undefined);
    }, TICK_MS);
    stopTicker = () => clearInterval(ticker);

    const results = await Promise.allSettled(drivers);
    stopTicker();
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failures.length) {
      const stuck = await Promise.all(
        cases
          .filter((c) => !c.archived)
          .map(async (c) => {
            const path = c.kind === 'order' ? `/work-orders/${c.no}` : `/business-expansion/applications/${c.no}`;
            const view = (await client.call('admin', 'GET', path)).body;
            const tasks = (view.currentTasks ?? []).map((t: OpenTask) => `${t.elementId}:${t.userTaskKey}`);
            return `${c.no} pik=${c.processInstanceKey} ${view.state ?? view.application?.state} ${tasks.join(',')}`;
          }),
      );
      throw new Error(
        `${failures.length} drivers failed: ${failures[0].reason}\n${stuck.join('\n')}\n${await failedJobs(engine.databaseUrl)}\n${app.output()}`,
      );
    }
    const killToAllArchivedMs = Date.now() - killedAt;
    expect(cases.every((c) => c.archived)).toBe(true);

    appDatabase = createSequelize(databaseUrl);
    await checkAppDatabase(cases, appDatabase);
    await checkNoIncidents(engine);
    const jobs = await jobFigures(engine.databaseUrl);
    const redone = await workSavedBeforeTheKill(appDatabase, jobs.redeliveredKeys, killedAt);
    const unanswered = await unansweredSubmissions(appDatabase, unacknowledged);
    console.log(
      'application crash figures',
      JSON.stringify({
        ...atKill,
        casesSubmittedTotal: cases.length,
        submissionsWithoutAnswer: unacknowledged.length,
        ...unanswered,
        callsWithoutAnswer: client.unanswered,
        restartMs,
        killToAllArchivedMs,
        jobsCompleted: jobs.completed,
        jobsTimedOut: jobs.timedOut,
        jobsFailed: jobs.failed.length,
        jobFailures: jobs.failed,
        jobsRedelivered: jobs.redeliveredKeys.length,
        redeliveredByType: jobs.redeliveredByType,
        redeliveredAfterTheirWorkWasSaved: redone,
      }),
    );
  });
});
