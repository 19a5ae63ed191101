/**
 * Where a case stands and how it got there: its diagram, and its steps' history (who did each, when, and whether
 * it met its due date).
 */
import { Card, Table, Tabs, Tag } from 'antd';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { CaseDiagram } from './CaseDiagram';

interface HistoryItem {
  userTaskKey: string;
  name: string;
  state: string;
  assignee: string | null;
  createdAt: string;
  completedAt: string | null;
  dueDate: string | null;
  onTime: boolean | null;
  /** Assignments, returns and withdrawals made on the task (decision 0033). */
  actions: { action: string; actor: string; at: string; detail: Record<string, unknown> | null }[];
}

function ActionNotes({ item }: { item: HistoryItem }) {
  const { t, dateTime } = useI18n();
  if (item.actions.length === 0) return <>—</>;
  const text = (entry: HistoryItem['actions'][number]) => {
    const detail = entry.detail ?? {};
    const reason = String(detail.reason ?? '');
    if (entry.action === 'return')
      return t('history.actionReturn', { actor: entry.actor, step: String(detail.toName ?? detail.to ?? ''), reason });
    if (entry.action === 'withdraw') return t('history.actionWithdraw', { actor: entry.actor, reason });
    return t('history.actionAssign', { actor: entry.actor, assignee: String(detail.assignee ?? '') });
  };
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
      {item.actions.map((entry, index) => (
        // Names, step names and reasons are data (not translated).
        <li key={index} data-i18n="data">
          {dateTime(entry.at)} {text(entry)}
        </li>
      ))}
    </ul>
  );
}

export function CaseHistory({ businessKey }: { businessKey: string }) {
  const { t, dateTime } = useI18n();
  const history = useApi<{ items: HistoryItem[] }>(`/cases/${businessKey}/task-history`);
  return (
    <Table
      size="small"
      rowKey="userTaskKey"
      loading={history.loading}
      pagination={false}
      dataSource={history.data?.items ?? []}
      data-testid="case-history"
      columns={[
        { title: t('history.step'), dataIndex: 'name' },
        { title: t('history.who'), dataIndex: 'assignee', render: (who: string | null) => who ?? '—' },
        { title: t('history.opened'), dataIndex: 'createdAt', render: (at: string) => dateTime(at) },
        {
          title: t('history.done'),
          dataIndex: 'completedAt',
          render: (at: string | null) => (at ? dateTime(at) : '—'),
        },
        { title: t('task.dueDate'), dataIndex: 'dueDate', render: (at: string | null) => (at ? dateTime(at) : '—') },
        {
          title: t('history.timeLimit'),
          key: 'limit',
          render: (_: unknown, item: HistoryItem) =>
            item.state === 'CREATED' ? (
              <Tag color="blue">{t('history.open')}</Tag>
            ) : item.state !== 'COMPLETED' ? (
              <Tag>{t('history.ended')}</Tag>
            ) : item.onTime === null ? (
              '—'
            ) : item.onTime ? (
              // Darker than the preset green and red: white text on them meets WCAG AA contrast.
              <Tag color="#237804">{t('history.onTime')}</Tag>
            ) : (
              <Tag color="#a8071a">{t('history.late')}</Tag>
            ),
        },
        {
          title: t('history.actions'),
          key: 'actions',
          render: (_: unknown, item: HistoryItem) => <ActionNotes item={item} />,
        },
      ]}
    />
  );
}

export function CaseProgress({ businessKey }: { businessKey: string }) {
  const { t } = useI18n();
  return (
    <Card title={t('progress.title')} style={{ marginTop: 16 }} data-testid="case-progress">
      <Tabs
        items={[
          { key: 'diagram', label: t('progress.diagram'), children: <CaseDiagram businessKey={businessKey} /> },
          { key: 'history', label: t('progress.history'), children: <CaseHistory businessKey={businessKey} /> },
        ]}
      />
    </Card>
  );
}
