/**
 * Pinning the platform's clocks (tests, demos, training): the engine's and the application's move together, and the
 * pin is stored on both sides (the engine keeps its own as state), so a restart of either keeps them in step instead
 * of one falling back to the wall clock while the other stands still.
 */
import { AppSetting } from '../../db/core/setting-models';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { appClock } from '../../lib/clock/app-clock';
import { recordAudit } from '../audit';

const PIN = 'clockPin';

interface ClockEditor {
  login: string;
  address: string | null;
}

export async function pinClocks(camunda: CamundaClients, editor: ClockEditor, epochMs: number): Promise<void> {
  await camunda.rest.pinInternalClock(epochMs);
  await AppSetting.upsert({ name: PIN, value: JSON.stringify(epochMs) });
  await appClock.pin(epochMs);
  await recordAudit({
    actor: editor.login,
    action: 'clock.pin',
    address: editor.address,
    detail: { time: new Date(epochMs).toISOString() },
  });
}

export async function resetClocks(camunda: CamundaClients, editor: ClockEditor): Promise<void> {
  await camunda.rest.resetClock();
  await AppSetting.destroy({ where: { name: PIN } });
  await appClock.reset();
  await recordAudit({ actor: editor.login, action: 'clock.reset', address: editor.address });
}

/** At start: the application's clock takes up the pin it had before the restart. */
export async function restoreClockPin(): Promise<void> {
  const stored = await AppSetting.findByPk(PIN);
  if (stored) await appClock.pin(JSON.parse(stored.value) as number);
}
