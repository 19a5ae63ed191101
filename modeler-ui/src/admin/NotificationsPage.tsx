/**
 * Notifications and their delivery (`/notifications?status=&kind=&businessKey=&recipient=&page=`): what was sent to
 * whom through the configured channel (NOTIFY_ADAPTER), and whether it went out — pending, sent (when) or failed.
 * Searched and paged on the server.
 */
import { Input, Select, Tag, Typography } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { Data } from '../i18n/Data';
import { useUrlQuery } from '../shell/use-url-query';
import { QueryFilters } from './QueryFilters';
import { ServerPagedTable } from './ServerPagedTable';
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

export function NotificationsPage() {
  const { t, dateTime } = useI18n();
  const { picked } = useUrlQuery();
  const query = picked(['status', 'kind', 'businessKey', 'recipient']);

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
      <ServerPagedTable<Notification>
        path="/notifications"
        query={query}
        sizeParameter="limit"
        rowKey="id"
        data-testid="notification-table"
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
