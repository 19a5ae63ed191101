/**
 * Notifications and their delivery (`/notifications?status=&kind=&businessKey=&recipient=&page=`): what was sent to
 * whom through the configured channel (NOTIFY_ADAPTER), and whether it went out — pending, sent (when) or failed.
 * Searched and paged on the server.
 */
import { Alert, Input, Select, Table, Tag, Typography } from 'antd';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { Data } from '../i18n/Data';
import { useUrlQuery } from '../shell/use-url-query';
import { QueryFilters } from './QueryFilters';
import { TAG_COLOURS } from './tag-colours';

interface Notification {
  id: number;
  kind: string;
  recipientType: 'role' | 'user' | 'group' | 'customer';
  recipient: string;
  title: string;
  body: string;
  businessKey: string | null;
  status: 'pending' | 'sent' | 'failed';
  sentAt: string | null;
  createdAt: string;
}

const STATES = ['pending', 'sent', 'failed'] as const;
const STATE_COLOURS = { pending: TAG_COLOURS.waiting, sent: TAG_COLOURS.good, failed: TAG_COLOURS.bad } as const;
const DEFAULT_SIZE = 20;

export function NotificationsPage() {
  const { t, apiText, dateTime } = useI18n();
  const { params, update, positive } = useUrlQuery();
  const page = positive('page', 1);
  const size = positive('size', DEFAULT_SIZE);
  const query = new URLSearchParams({ page: String(page), limit: String(size) });
  for (const name of ['status', 'kind', 'businessKey', 'recipient'] as const) {
    const value = params.get(name);
    if (value) query.set(name, value);
  }
  const list = useApi<{ items: Notification[]; total: number }>(`/notifications?${query}`);

  return (
    <section aria-labelledby="notifications-title">
      <Typography.Title level={1} id="notifications-title" style={{ fontSize: 20 }}>
        {t('admin.notifications.title')}
      </Typography.Title>
      <QueryFilters
        testId="notification-filters"
        fields={[
          {
            name: 'status',
            label: t('admin.notifications.status'),
            control: (
              <Select
                id="filter-status"
                allowClear
                style={{ width: 140 }}
                options={STATES.map((s) => ({ value: s, label: t(`admin.notifications.status.${s}`) }))}
              />
            ),
          },
          { name: 'kind', label: t('admin.notifications.kind'), control: <Input id="filter-kind" allowClear /> },
          {
            name: 'businessKey',
            label: t('admin.notifications.businessKey'),
            control: <Input id="filter-businessKey" allowClear />,
          },
          {
            name: 'recipient',
            label: t('admin.notifications.recipient'),
            control: <Input id="filter-recipient" allowClear />,
          },
        ]}
      />
      {list.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('common.loadFailed', { message: apiText(list.error.message) })}
        />
      )}
      <Table<Notification>
        rowKey="id"
        size="small"
        data-testid="notification-table"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: size,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('admin.total', { n }),
        }}
        onChange={(pagination) =>
          update({
            page: String(pagination.current ?? 1),
            size: pagination.pageSize === DEFAULT_SIZE ? undefined : String(pagination.pageSize),
          })
        }
        expandable={{
          expandedRowRender: (row) => <Data>{row.body}</Data>,
          expandRowByClick: false,
        }}
        columns={[
          { title: t('admin.notifications.created'), render: (_, row) => dateTime(row.createdAt) },
          { title: t('admin.notifications.kind'), dataIndex: 'kind' },
          {
            title: t('admin.notifications.recipient'),
            render: (_, row) => (
              <>
                {t(`admin.notifications.to.${row.recipientType}`)} <Data>{row.recipient}</Data>
              </>
            ),
          },
          { title: t('admin.notifications.titleColumn'), render: (_, row) => <Data>{row.title}</Data> },
          { title: t('admin.notifications.businessKey'), dataIndex: 'businessKey' },
          {
            title: t('admin.notifications.status'),
            render: (_, row) => (
              <Tag color={STATE_COLOURS[row.status]} data-testid="notification-status">
                {t(`admin.notifications.status.${row.status}`)}
              </Tag>
            ),
          },
          { title: t('admin.notifications.sentAt'), render: (_, row) => dateTime(row.sentAt) },
        ]}
      />
    </section>
  );
}
