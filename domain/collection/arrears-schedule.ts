/**
 * The daily opening of arrears cases by the platform itself (decision 0060): the job workers' process runs
 * `openArrearsCases` once a day, at or after ARREARS_OPEN_HOUR (China time) of the application's clock. It checks
 * every minute and whenever the clock is pinned or reset (a pinned clock jumping days ahead opens that day's cases
 * once, not once per day skipped). The last day opened is stored (app_settings), so a restart the same day does
 * not run it again; were two processes to run it at once, the run itself opens each account's case once.
 */
import { AppSetting } from '../../db/core/setting-models';
import { chinaDayOf, startOfChinaDay } from '../../lib/calendar';
import { HOUR_MS } from '../../lib/calendar/china-time';
import { appClock } from '../../lib/clock/app-clock';
import { logger } from '../../lib/logger/logger';
import type { DomainServices } from '../domain-services';
import { openArrearsCases } from './open-arrears-cases-use-case';

const LAST_DAY = 'arrearsOpenedOn';
const CHECK_EVERY_MS = 60_000;
const log = logger('collection');

/** Opens the day's cases if the hour has come and today's run has not been made; answers the cases opened. */
export async function openArrearsCasesIfDue(
  services: Pick<DomainServices, 'sequelize' | 'camunda'>,
  hour: number,
): Promise<string[] | null> {
  const now = appClock.now();
  const day = chinaDayOf(now);
  if (now.getTime() < startOfChinaDay(day) + hour * HOUR_MS) return null;
  const last = await AppSetting.findByPk(LAST_DAY);
  if (last && (JSON.parse(last.value) as string) >= day) return null;
  const { opened } = await openArrearsCases(services);
  await AppSetting.upsert({ name: LAST_DAY, value: JSON.stringify(day) });
  log.info('arrears cases opened', { day, opened: opened.length });
  return opened;
}

/** Starts the daily check (none for `hour` null: switched off); the returned function stops it. */
export function startArrearsSchedule(
  services: Pick<DomainServices, 'sequelize' | 'camunda'>,
  hour: number | null,
): () => void {
  if (hour === null) return () => undefined;
  let running: Promise<unknown> | undefined;
  const check = () =>
    (running ??= openArrearsCasesIfDue(services, hour)
      .catch((error: unknown) => log.warn('daily arrears opening failed', { error: String(error) }))
      .finally(() => (running = undefined)));
  void check();
  const timer = setInterval(() => void check(), CHECK_EVERY_MS);
  timer.unref();
  const stopListening = appClock.onMove(async () => {
    await running;
    await check();
  });
  return () => {
    clearInterval(timer);
    stopListening();
  };
}
