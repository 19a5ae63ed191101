/**
 * The overdue list (`/overdue?state=&unit=&page=&size=`): every open task past or near its limit, most urgent first,
 * whose it is, since when it waits and since when it is overdue, with a link to the task to act on it. Paged on
 * the server; everything in the URL.
 */
import { Form, Select, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useApi } from '../api/useApi';
import { useUrlQuery } from '../shell/use-url-query';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { TimeLimitTag } from '../tasks/time-limit';
import type { TaskRow } from '../tasks/task-types';
import { LoadFailed } from '../shell/LoadFailed';

type OverdueRow = TaskRow;

const STATES = ['overdue', 'warning'] as const;
const DEFAULT_SIZE = 20;

export function OverduePage() {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const { params, update, positive } = useUrlQuery();
  const state = STATES.find((s) => s === params.get('state'));
  const page = positive('page', 1);
  const size = positive('size', DEFAULT_SIZE);
  const query = new URLSearchParams({ page: String(page), size: String(size), ...(state ? { state } : {}) });
  const list = useApi<{ items: OverdueRow[]; total: number }>(`/dashboards/overdue?${query}`);

  return (
    <section aria-labelledby="overdue-title">
      <Typography.Title level={1} id="overdue-title" style={{ fontSize: 20 }}>
        {t('overdue.title')}
      </Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('overdue.state')} htmlFor="overdue-state">
          <Select
            id="overdue-state"
            allowClear
            style={{ width: 180 }}
            placeholder={t('overdue.bothStates')}
            value={state}
            onChange={(value?: string) => update({ state: value })}
            options={STATES.map((s) => ({ value: s, label: t(`overdue.state.${s}`) }))}
          />
        </Form.Item>
      </Form>
      <LoadFailed error={list.error} />
      {list.data && (
        <Typography.Paragraph data-testid="overdue-total" aria-live="polite">
          {t('overdue.total', { n: list.data.total })}
        </Typography.Paragraph>
      )}
      <Table<OverdueRow>
        rowKey="userTaskKey"
        data-testid="overdue-table"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('overdue.empty') }}
        pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true }}
        onChange={(pagination) =>
          update({
            page: String(pagination.current ?? 1),
            size: pagination.pageSize === DEFAULT_SIZE ? undefined : String(pagination.pageSize),
          })
        }
        columns={[
          {
            title: t('overdue.column.task'),
            render: (_, row) => (
              <Link to={`/tasks/${row.userTaskKey}`} data-testid="overdue-task-link">
                {row.name ?? row.elementId}
              </Link>
            ),
          },
          { title: t('overdue.column.case'), render: (_, row) => <Data>{row.case.businessKey}</Data> },
          { title: t('overdue.column.customer'), render: (_, row) => <Data>{row.case.customerName}</Data> },
          {
            title: t('overdue.column.owner'),
            render: (_, row) =>
              row.assignee ? <Data>{row.assignee}</Data> : <Data>{(row.candidateGroups ?? []).join(', ')}</Data>,
          },
          {
            title: t('overdue.column.state'),
            render: (_, row) => <TimeLimitTag limit={row.timeLimit} i18n={i18n} />,
          },
          { title: t('overdue.column.due'), render: (_, row) => dateTime(row.timeLimit.dueDate) },
          { title: t('overdue.column.waiting'), render: (_, row) => dateTime(row.creationDate) },
        ]}
      />
    </section>
  );
}
