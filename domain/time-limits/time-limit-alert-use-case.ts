/**
 * A step's time-limit alert (warning | overdue | escalation), reached from a user task's boundary timer: the event
 * the compliance statistics read (one per alert occasion) and a notification to the role (once per `occasion`).
 */
import { TimeLimitEvent } from '../../db/time-limits/time-limit-models';
import { appClock } from '../../lib/clock/app-clock';
import { ModelError } from '../../lib/errors/model-error';
import type { DomainServices } from '../domain-services';
import { notify } from '../notifications';

const LEVELS = { warning: '时限预警', overdue: '超时告警', escalation: '超时升级' } as const;
type Level = keyof typeof LEVELS;

export interface TimeLimitAlert {
  level: string;
  step: string;
  businessKey: string;
  recipientRole: string;
  /** The step's due date, when known. */
  dueDate: string | undefined;
  /** The alert's element instance: one event each. */
  elementInstanceKey: string;
  /** The notification is sent once per occasion (the process step's job). */
  occasion: string;
}

export function requireLevel(level: string): Level {
  if (!(level in LEVELS))
    throw new ModelError(`任务头 level 应为 warning、overdue 或 escalation / bad header level: ${level}`);
  return level as Level;
}

export async function raiseTimeLimitAlert(services: DomainServices, alert: TimeLimitAlert): Promise<void> {
  const { step, businessKey, dueDate, elementInstanceKey } = alert;
  const level = requireLevel(alert.level);
  const at = appClock.now();
  await TimeLimitEvent.findOrCreate({
    where: { elementInstanceKey },
    defaults: { businessKey, step, level, at, elementInstanceKey },
  });
  await notify(
    {
      dedupKey: `time-limit:${alert.occasion}`,
      kind: level,
      recipientType: 'role',
      recipient: alert.recipientRole,
      title: `【${LEVELS[level]}】${businessKey} ${step}`,
      body:
        `案件 ${businessKey} 的环节「${step}」${level === 'warning' ? '即将到期' : '已超过时限'}` +
        (dueDate ? `，期限 ${dueDate}` : '') +
        ` / case ${businessKey}, step ${step}: ${level}${dueDate ? `, due ${dueDate}` : ''}`,
      businessKey,
    },
    { config: services.config },
  );
}
