/**
 * The arrears cases (`/collection/arrears?status=`): each with its account, what is overdue, the penalty accrued to
 * today, the planned cut and where the case stands; the open ones unless a status is chosen.
 */
import { Select, Table, Tag, Typography } from 'antd';
import { useApi } from '../api/useApi';
import { TAG_COLOURS } from '../admin/tag-colours';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { LoadFailed } from '../shell/LoadFailed';
import { useUrlQuery } from '../shell/use-url-query';
import type { ArrearsCaseRow } from './collection-types';

const STATES = ['open', 'noticed', 'disconnected', 'settled', 'reconnected'] as const;
const COLOURS: Record<string, string> = {
  open: TAG_COLOURS.waiting,
  noticed: TAG_COLOURS.waiting,
  disconnected: TAG_COLOURS.bad,
  settled: TAG_COLOURS.neutral,
  reconnected: TAG_COLOURS.good,
};

export function ArrearsPage() {
  const { t, yuan, dateTime } = useI18n();
  const { params, update } = useUrlQuery();
  const status = params.get('status') ?? '';
  const cases = useApi<{ items: ArrearsCaseRow[] }>(`/collection/arrears${status ? `?status=${status}` : ''}`);
  const items = cases.data?.items ?? [];
  return (
    <section aria-labelledby="arrears-title">
      <Typography.Title level={1} id="arrears-title" style={{ fontSize: 20 }}>
        {t('collection.arrears.title')}
      </Typography.Title>
      <Select
        id="arrears-status"
        aria-label={t('collection.arrears.status')}
        placeholder={t('collection.arrears.openOnes')}
        allowClear
        value={status || undefined}
        style={{ width: 200, marginBottom: 16 }}
        onChange={(value?: string) => update({ status: value })}
        options={STATES.map((state) => ({ value: state, label: t(`collection.arrears.status.${state}`) }))}
      />
      {cases.error && <LoadFailed error={cases.error} onRetry={cases.reload} />}
      {cases.data && (
        <Typography.Paragraph data-testid="arrears-total">
          {t('collection.arrears.total', {
            count: items.length,
            amount: yuan(items.reduce((sum, row) => sum + row.overdueFen + row.penaltyFen, 0)),
          })}
        </Typography.Paragraph>
      )}
      <Table
        size="small"
        rowKey="caseNo"
        loading={cases.loading}
        dataSource={items}
        data-testid="arrears-table"
        columns={[
          { title: t('collection.arrears.caseNo'), dataIndex: 'caseNo' },
          { title: t('collection.accountNo'), dataIndex: 'accountNo' },
          { title: t('collection.customer'), render: (_, row) => <Data>{row.customerName ?? ''}</Data> },
          { title: t('collection.overdue'), render: (_, row) => yuan(row.overdueFen) },
          { title: t('collection.penalty'), render: (_, row) => yuan(row.penaltyFen) },
          { title: t('collection.arrears.cutPlannedAt'), render: (_, row) => dateTime(row.cutPlannedAt) },
          {
            title: t('collection.arrears.status'),
            render: (_, row) => (
              <Tag color={COLOURS[row.status]}>
                {t(`collection.arrears.status.${row.status as (typeof STATES)[number]}`)}
              </Tag>
            ),
          },
        ]}
      />
    </section>
  );
}
