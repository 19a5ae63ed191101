/**
 * The audit log (`/audit?actor=&action=&target=&outcome=&from=&to=&page=`): who did what, to what, when and from
 * where, newest first, searched and paged on the server. `from` and `to` are China days, both included.
 */
import { Input, Select, Tag, Typography } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { Data } from '../i18n/Data';
import { useUrlQuery } from '../shell/use-url-query';
import { QueryFilters } from './QueryFilters';
import { ServerPagedTable } from './ServerPagedTable';
import { TAG_COLOURS } from './tag-colours';

interface Entry {
  id: number;
  actor: string;
  action: string;
  target: string | null;
  address: string | null;
  outcome: 'ok' | 'refused' | 'failed';
  detail: Record<string, unknown> | null;
  createdAt: string;
}

const OUTCOMES = ['ok', 'refused', 'failed'] as const;
const DAY_MS = 24 * 3600 * 1000;

/** A China day's start as an instant; `after` days later (the end of a range is the next day's start). */
const chinaDayStart = (day: string, after = 0) =>
  new Date(new Date(`${day}T00:00:00+08:00`).getTime() + after * DAY_MS).toISOString();

export function AuditPage() {
  const { t, dateTime } = useI18n();
  const { params, picked } = useUrlQuery();
  const query = picked(['actor', 'action', 'target', 'outcome']);
  const from = params.get('from');
  const to = params.get('to');
  if (from) query.set('from', chinaDayStart(from));
  if (to) query.set('to', chinaDayStart(to, 1));

  return (
    <section aria-labelledby="audit-title">
      <Typography.Title level={1} id="audit-title" style={{ fontSize: 20 }}>
        {t('admin.audit.title')}
      </Typography.Title>
      <QueryFilters
        testId="audit-filters"
        fields={[
          { name: 'actor', label: t('admin.audit.actor'), control: <Input id="filter-actor" allowClear /> },
          {
            name: 'action',
            label: t('admin.audit.action'),
            control: <Input id="filter-action" allowClear placeholder={t('admin.audit.actionHint')} />,
          },
          { name: 'target', label: t('admin.audit.target'), control: <Input id="filter-target" allowClear /> },
          {
            name: 'outcome',
            label: t('admin.audit.outcome'),
            control: (
              <Select
                id="filter-outcome"
                allowClear
                style={{ width: 120 }}
                options={OUTCOMES.map((o) => ({ value: o, label: t(`admin.audit.outcome.${o}`) }))}
              />
            ),
          },
          { name: 'from', label: t('admin.audit.from'), control: <Input id="filter-from" type="date" /> },
          { name: 'to', label: t('admin.audit.to'), control: <Input id="filter-to" type="date" /> },
        ]}
      />
      <ServerPagedTable<Entry>
        path="/audit"
        query={query}
        sizeParameter="size"
        rowKey="id"
        data-testid="audit-table"
        columns={[
          { title: t('admin.audit.when'), render: (_, entry) => dateTime(entry.createdAt) },
          { title: t('admin.audit.actor'), dataIndex: 'actor' },
          { title: t('admin.audit.action'), dataIndex: 'action' },
          { title: t('admin.audit.target'), render: (_, entry) => <Data>{entry.target}</Data> },
          {
            title: t('admin.audit.outcome'),
            render: (_, entry) => (
              <Tag color={entry.outcome === 'ok' ? TAG_COLOURS.good : TAG_COLOURS.bad}>
                {t(`admin.audit.outcome.${entry.outcome}`)}
              </Tag>
            ),
          },
          { title: t('admin.audit.address'), dataIndex: 'address' },
          {
            title: t('admin.audit.detail'),
            render: (_, entry) =>
              entry.detail && (
                <Typography.Text code data-i18n="data" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                  {JSON.stringify(entry.detail)}
                </Typography.Text>
              ),
          },
        ]}
      />
    </section>
  );
}
