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
}

function CaseHistory({ businessKey }: { businessKey: string }) {
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
            item.state !== 'COMPLETED' ? (
              <Tag color="blue">{t('history.open')}</Tag>
            ) : item.onTime === null ? (
              '—'
            ) : item.onTime ? (
              <Tag color="green">{t('history.onTime')}</Tag>
            ) : (
              <Tag color="red">{t('history.late')}</Tag>
            ),
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
