/**
 * The tasklist: one scope at a time (mine, my groups', unassigned, completed by me), filtered, sorted and paged
 * on the server (TaskFilters.tsx). Everything the list shows is in the URL (`/tasks?scope=group&area=…&page=2`), so a list can be
 * reloaded and shared; the list refreshes itself so new tasks appear without a reload.
 */
import { useCallback, useState } from 'react';
import { Alert, App as AntApp, Button, Table, Tabs, Typography, Space } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useUrlQuery } from '../shell/use-url-query';
import { api, ApiError } from '../api/http';
import { useApi } from '../api/useApi';
import { countText } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import { TASK_POLL_MS } from '../shell/AppShell';
import { businessTypeLabel, priorityLabel } from './labels';
import { SavedViews, useViewLink } from './SavedViews';
import { TaskFilters } from './TaskFilters';
import { TimeLimitTag } from './time-limit';
import { FILTERS, SCOPES, type Scope, type TaskPage, type TaskRow } from './task-types';
import { CappedAlerts } from '../shell/CappedAlerts';
import { LoadFailed } from '../shell/LoadFailed';

const SORTS = ['creationDate', 'dueDate', 'priority'] as const;
const DEFAULT_SIZE = 20;

export function TaskListPage() {
  const i18n = useI18n();
  const { t, dateTime, apiText } = i18n;
  const { user } = useSession();
  const { message } = AntApp.useApp();
  const { params, setParams, update, positive } = useUrlQuery();
  const [busyKey, setBusyKey] = useState<string>();
  const scope = (SCOPES.includes(params.get('scope') as Scope) ? params.get('scope') : 'group') as Scope;
  const page = positive('page', 1);
  const size = positive('size', DEFAULT_SIZE);
  const sort = SORTS.find((s) => s === params.get('sort')) ?? 'creationDate';
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const query = new URLSearchParams({ scope, page: String(page), size: String(size), sort, order });
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) query.set(name, value);
  }
  const list = useApi<TaskPage>(`/tasks?${query}`, { pollMs: TASK_POLL_MS });
  const openView = useCallback(
    (viewQuery: string) => setParams(new URLSearchParams(viewQuery), { replace: true }),
    [setParams],
  );
  const viewProblem = useViewLink(params, openView);

  async function act(task: TaskRow, action: 'claim' | 'unclaim') {
    setBusyKey(task.userTaskKey);
    try {
      await api(`/tasks/${task.userTaskKey}/${action}`, { method: 'POST' });
      void message.success(t(action === 'claim' ? 'tasks.claimed' : 'tasks.unclaimed'));
      await list.reload();
    } catch (failure) {
      void message.error(failure instanceof ApiError ? apiText(failure.message) : String(failure));
    } finally {
      setBusyKey(undefined);
    }
  }

  const sortOrder = (field: string) =>
    sort === field && params.get('sort') ? (order === 'desc' ? 'descend' : 'ascend') : null;
  const columns: TableProps<TaskRow>['columns'] = [
    {
      title: t('tasks.column.step'),
      dataIndex: 'name',
      render: (name: string, task) => (
        <Link to={`/tasks/${task.userTaskKey}`} data-testid="task-link">
          {name}
        </Link>
      ),
    },
    { title: t('tasks.column.caseNo'), render: (_, task) => task.case.businessKey },
    {
      title: t('tasks.column.customer'),
      render: (_, task) => (
        <div data-i18n="data">
          <div>{task.case.customerName}</div>
          <Typography.Text type="secondary">{task.case.address}</Typography.Text>
        </div>
      ),
    },
    { title: t('tasks.column.businessType'), render: (_, task) => businessTypeLabel(task.case.businessType, t) },
    {
      title: t('tasks.column.priority'),
      key: 'priority',
      sorter: true,
      sortOrder: sortOrder('priority'),
      render: (_, task) => priorityLabel(task.priority, t),
    },
    {
      title: t('tasks.column.timeLimit'),
      render: (_, task) => <TimeLimitTag limit={task.timeLimit} i18n={i18n} />,
    },
    {
      title: t('tasks.column.dueDate'),
      key: 'dueDate',
      sorter: true,
      sortOrder: sortOrder('dueDate'),
      render: (_, task) => dateTime(task.timeLimit.dueDate),
    },
    {
      title: t('tasks.column.created'),
      key: 'creationDate',
      sorter: true,
      sortOrder: sortOrder('creationDate'),
      render: (_, task) => dateTime(task.creationDate),
    },
    { title: t('tasks.column.assignee'), render: (_, task) => task.assignee ?? t('tasks.unassigned') },
    {
      title: t('tasks.column.actions'),
      render: (_, task) =>
        task.state !== 'CREATED' ? null : (
          <Space>
            {!task.assignee && (
              <Button size="small" loading={busyKey === task.userTaskKey} onClick={() => void act(task, 'claim')}>
                {t('tasks.claim')}
              </Button>
            )}
            {task.assignee === user?.login && (
              <Button size="small" loading={busyKey === task.userTaskKey} onClick={() => void act(task, 'unclaim')}>
                {t('tasks.unclaim')}
              </Button>
            )}
            <Link to={`/tasks/${task.userTaskKey}`}>{t('tasks.open')}</Link>
          </Space>
        ),
    },
  ];

  return (
    <section aria-labelledby="tasks-title">
      <Typography.Title level={1} id="tasks-title" style={{ fontSize: 20 }}>
        {t('tasks.title')}
      </Typography.Title>
      {viewProblem && <Alert type="error" showIcon role="alert" title={viewProblem} />}
      <SavedViews current={params} onOpen={openView} />
      <Tabs
        activeKey={scope}
        onChange={(key) => update({ scope: key })}
        items={SCOPES.map((s) => ({ key: s, label: t(`tasks.scope.${s}`) }))}
      />
      <TaskFilters
        params={params}
        rows={list.data?.items ?? []}
        onChange={update}
        onReset={() => setParams(new URLSearchParams({ scope }))}
      />
      <LoadFailed error={list.error} onRetry={() => void list.reload()} />
      <CappedAlerts caps={list.data?.capped} messages="tasks.capped" />
      {list.data && (
        <Typography.Paragraph data-testid="task-total" aria-live="polite">
          {t('tasks.total', { n: countText(list.data.total, list.data.totalAtLeast) })}
        </Typography.Paragraph>
      )}
      <Table<TaskRow>
        rowKey="userTaskKey"
        data-testid="task-table"
        loading={list.loading && !list.data}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('tasks.empty') }}
        pagination={{
          current: page,
          pageSize: size,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
        }}
        onChange={(pagination, _filters, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = one?.order ? String(one.columnKey) : undefined;
          const sortChanged =
            field !== (params.get('sort') ?? undefined) || (one?.order === 'descend') !== (order === 'desc');
          update({
            sort: field,
            order: one?.order === 'descend' ? 'desc' : undefined,
            size: pagination.pageSize === DEFAULT_SIZE ? undefined : String(pagination.pageSize),
            ...(sortChanged ? {} : { page: String(pagination.current ?? 1) }),
          });
        }}
      />
    </section>
  );
}
