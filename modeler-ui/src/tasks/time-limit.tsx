/**
 * A task's time-limit state as colour and words: the time left in the business calendar (working days unless the
 * step's limit counts otherwise), warning, overdue by how much. The server counts it (`timeLimit.left`); the
 * screen only words it in the chosen language.
 */
import { Tag } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { I18n } from '../i18n/I18nProvider';
import type { TaskRow } from './task-types';

type Left = NonNullable<TaskRow['timeLimit']['left']>;

/** "2.5 个工作日" / "2.5 working days", "1 working day". */
export function amountOf(left: Left, i18n: Pick<I18n, 't' | 'number'>): string {
  const n = Math.abs(left.amount);
  return i18n.t(`tasks.limitUnit.${left.unit}.${n === 1 ? 'one' : 'other'}`, { n: i18n.number(n) });
}

export function TimeLimitTag({ limit, i18n }: { limit: TaskRow['timeLimit']; i18n: Pick<I18n, 't' | 'number'> }) {
  const { t } = i18n;
  if (limit.state === 'none' || !limit.left) return <Tag>{t('tasks.dueState.none')}</Tag>;
  const amount = amountOf(limit.left, i18n);
  const words =
    limit.state === 'overdue' ? t('tasks.overdueWorking', { time: amount }) : t('tasks.leftWorking', { time: amount });
  const look = {
    ok: { icon: <ClockCircleOutlined /> },
    warning: { icon: <WarningOutlined /> },
    overdue: { icon: <ExclamationCircleOutlined /> },
  }[limit.state];
  return (
    <Tag className={`due-${limit.state}`} icon={look.icon} data-due-state={limit.state} data-testid="time-limit">
      {t(`tasks.dueState.${limit.state}`)} · {words}
    </Tag>
  );
}
