/** A task's time-limit state as colour and words: time left, warning, overdue by how much. */
import { Tag } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { I18n } from '../i18n/I18nProvider';
import type { TaskRow } from './task-types';

/** "1 天 3 小时" / "1 d 3 h": the two largest units of a duration. */
export function duration(ms: number, t: I18n['t']): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const parts: string[] = [];
  if (days) parts.push(t('tasks.days', { n: days }));
  if (hours || days) parts.push(t('tasks.hours', { n: hours }));
  if (!days) parts.push(t('tasks.minutes', { n: minutes % 60 }));
  return parts.slice(0, 2).join(' ');
}

export function TimeLimitTag({ limit, t, now }: { limit: TaskRow['timeLimit']; t: I18n['t']; now: number }) {
  if (limit.state === 'none' || !limit.dueDate) return <Tag>{t('tasks.dueState.none')}</Tag>;
  const left = Date.parse(limit.dueDate) - now;
  const words =
    left < 0 ? t('tasks.overdueBy', { time: duration(left, t) }) : t('tasks.timeLeft', { time: duration(left, t) });
  const look = {
    ok: { icon: <ClockCircleOutlined /> },
    warning: { icon: <WarningOutlined /> },
    overdue: { icon: <ExclamationCircleOutlined /> },
  }[limit.state];
  return (
    <Tag className={`due-${limit.state}`} icon={look.icon} data-due-state={limit.state}>
      {t(`tasks.dueState.${limit.state}`)} · {words}
    </Tag>
  );
}
