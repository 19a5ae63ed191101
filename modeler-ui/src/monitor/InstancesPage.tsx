/**
 * Process instances (`/monitor/instances?...`): filters by case or order number, customer, process and version,
 * business type, state, start and end days, unit and a variable's value; sorted and paged on the server; chosen
 * rows cancelled or retried in a batch. Every filter, the sort and the page are in the URL. Where a limit may have
 * left instances out (too many customers matched, too many tasks overdue), the screen says so.
 */
import { useState } from 'react';
import { Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router';
import { useUrlQuery } from '../shell/use-url-query';
import { useApi } from '../api/useApi';
import { Data } from '../i18n/Data';
import { countText } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';
import { BUSINESS_TYPES, businessTypeLabel } from '../tasks/labels';
import { BatchActions } from './BatchActions';
import { InstanceState } from './InstanceState';
import { CappedAlerts } from '../shell/CappedAlerts';
import { LoadFailed } from '../shell/LoadFailed';

export interface InstanceRow {
  processInstanceKey: string;
  processDefinitionId: string;
  processDefinitionName: string | null;
  processDefinitionVersion: number;
  businessKey: string | null;
  customerName: string | null;
  state: string;
  hasIncident: boolean;
  overdue: boolean;
  startDate: string;
  endDate: string | null;
}
interface Definition {
  processDefinitionId: string;
  processDefinitionName: string;
  version: number;
}

const TEXT_FILTERS = ['caseNo', 'customer', 'variable', 'value'] as const;
const DAY_FILTERS = ['startedFrom', 'startedTo', 'endedFrom', 'endedTo'] as const;
const STATES = ['running', 'completed', 'cancelled', 'incident', 'overdue'] as const;
/** The processes whose cases carry a business type (the area's own process, named as the area). */
const TYPED = new Set(Object.keys(BUSINESS_TYPES));
const DEFAULT_SIZE = 20;

export function InstancesPage() {
  const { t, dateTime } = useI18n();
  const { params, setParams, update: updateUrl } = useUrlQuery();
  const [selected, setSelected] = useState<string[]>([]);
  const definitions = useApi<{ items: Definition[] }>('/monitor/process-definitions');
  const units = useApi<{ items: { code: string; name: string; level: string }[] }>('/groups');
  const processId = params.get('processId') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const size = Math.max(1, Number(params.get('size')) || DEFAULT_SIZE);
  const sort = params.get('sort') ?? 'startDate';
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const query = new URLSearchParams(params);
  query.set('page', String(page));
  query.set('size', String(size));
  // `capped`: the limits that may have left matching instances out of the answer (said above the list).
  const list = useApi<{
    items: InstanceRow[];
    total: number;
    totalAtLeast: boolean;
    capped: ('customer' | 'overdue')[];
  }>(`/monitor/instances?${query}`);

  /** A new filter, sort or page: what was chosen on the old one is let go. */
  function update(changes: Record<string, string | undefined>) {
    setSelected([]);
    updateUrl(changes);
  }

  const processes = [...new Map((definitions.data?.items ?? []).map((d) => [d.processDefinitionId, d])).values()];
  const versions = (definitions.data?.items ?? []).filter((d) => d.processDefinitionId === processId);
  const area = processId && TYPED.has(processId) ? processId : undefined;
  const sortOrder = (field: string): SortOrder | undefined =>
    sort === field ? (order === 'asc' ? 'ascend' : 'descend') : undefined;
  const initial = Object.fromEntries([...TEXT_FILTERS, ...DAY_FILTERS].map((name) => [name, params.get(name) ?? '']));

  return (
    <section aria-labelledby="monitor-instances-title">
      <Typography.Title level={1} id="monitor-instances-title" style={{ fontSize: 20 }}>
        {t('monitor.instances.title')}
      </Typography.Title>
      <Form
        layout="inline"
        key={params.toString()}
        initialValues={initial}
        onFinish={(values: Record<string, string>) =>
          update(Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value?.trim()])))
        }
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item label={t('monitor.filter.caseNo')} name="caseNo" htmlFor="monitor-caseNo">
          <Input id="monitor-caseNo" allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label={t('monitor.filter.customer')} name="customer" htmlFor="monitor-customer">
          <Input id="monitor-customer" allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label={t('monitor.filter.process')} htmlFor="monitor-process">
          <Select
            id="monitor-process"
            allowClear
            style={{ width: 220 }}
            value={processId}
            onChange={(value?: string) => update({ processId: value, version: undefined, businessType: undefined })}
            options={processes.map((d) => ({
              value: d.processDefinitionId,
              label: <Data>{d.processDefinitionName}</Data>,
            }))}
          />
        </Form.Item>
        {processId && (
          <Form.Item label={t('monitor.filter.version')} htmlFor="monitor-version">
            <Select
              id="monitor-version"
              allowClear
              style={{ width: 100 }}
              value={params.get('version') ?? undefined}
              onChange={(value?: string) => update({ version: value })}
              options={versions.map((d) => ({ value: String(d.version), label: `v${d.version}` }))}
            />
          </Form.Item>
        )}
        {area && (
          <Form.Item label={t('monitor.filter.businessType')} htmlFor="monitor-type">
            <Select
              id="monitor-type"
              allowClear
              style={{ width: 160 }}
              value={params.get('businessType') ?? undefined}
              onChange={(value?: string) => update({ businessType: value })}
              options={BUSINESS_TYPES[area].map((code) => ({ value: code, label: businessTypeLabel(code, t) }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t('monitor.filter.state')} htmlFor="monitor-state">
          <Select
            id="monitor-state"
            allowClear
            style={{ width: 140 }}
            value={params.get('state') ?? undefined}
            onChange={(value?: string) => update({ state: value })}
            options={STATES.map((state) => ({ value: state, label: t(`monitor.state.${state}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('monitor.filter.unit')} htmlFor="monitor-unit">
          <Select
            id="monitor-unit"
            allowClear
            style={{ width: 180 }}
            value={params.get('unit') ?? undefined}
            onChange={(value?: string) => update({ unit: value })}
            options={(units.data?.items ?? [])
              .filter((group) => group.level === 'unit')
              .map((group) => ({ value: group.code, label: <Data>{group.name}</Data> }))}
          />
        </Form.Item>
        {DAY_FILTERS.map((name) => (
          <Form.Item key={name} label={t(`monitor.filter.${name}`)} name={name} htmlFor={`monitor-${name}`}>
            <Input id={`monitor-${name}`} type="date" style={{ width: 150 }} />
          </Form.Item>
        ))}
        <Form.Item label={t('monitor.filter.variable')} name="variable" htmlFor="monitor-variable">
          <Input id="monitor-variable" allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label={t('monitor.filter.value')} name="value" htmlFor="monitor-value">
          <Input id="monitor-value" allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="instance-search">
              {t('monitor.filter.search')}
            </Button>
            <Button onClick={() => setParams(new URLSearchParams())}>{t('monitor.filter.clear')}</Button>
          </Space>
        </Form.Item>
      </Form>
      <LoadFailed error={list.error} />
      <CappedAlerts caps={list.data?.capped} messages="monitor.capped" />
      <Space style={{ marginBottom: 8 }}>
        <BatchActions keys={selected} onDone={() => void list.reload()} />
        {list.data && (
          <Typography.Text data-testid="instance-total" aria-live="polite">
            {t('monitor.instances.total', { n: countText(list.data.total, list.data.totalAtLeast) })}
          </Typography.Text>
        )}
      </Space>
      <Table<InstanceRow>
        rowKey="processInstanceKey"
        data-testid="instance-table"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (row) => ({ 'aria-label': t('monitor.instances.choose', { key: row.processInstanceKey }) }),
        }}
        pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true }}
        onChange={(pagination, _filters, sorter) => {
          const chosen = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = chosen?.order ? String(chosen.columnKey) : undefined;
          update({
            page: String(pagination.current ?? 1),
            size: pagination.pageSize === DEFAULT_SIZE ? undefined : String(pagination.pageSize),
            sort: field && field !== 'startDate' ? field : undefined,
            order: field && chosen.order === 'ascend' ? 'asc' : undefined,
          });
        }}
        columns={[
          {
            title: t('monitor.instance.caseNo'),
            key: 'caseNo',
            render: (_, row) => (
              <Link to={`/monitor/instances/${row.processInstanceKey}`} data-testid="instance-link">
                <Data>{row.businessKey ?? row.processInstanceKey}</Data>
              </Link>
            ),
          },
          {
            title: t('monitor.instance.customer'),
            key: 'customer',
            render: (_, row) => <Data>{row.customerName ?? '—'}</Data>,
          },
          {
            title: t('monitor.instance.process'),
            key: 'processDefinitionId',
            sorter: true,
            sortOrder: sortOrder('processDefinitionId'),
            render: (_, row) => (
              <Data>
                {row.processDefinitionName ?? row.processDefinitionId} v{row.processDefinitionVersion}
              </Data>
            ),
          },
          {
            title: t('monitor.instance.state'),
            key: 'state',
            sorter: true,
            sortOrder: sortOrder('state'),
            render: (_, row) => <InstanceState row={row} />,
          },
          {
            title: t('monitor.instance.started'),
            key: 'startDate',
            sorter: true,
            sortOrder: sortOrder('startDate'),
            render: (_, row) => dateTime(row.startDate),
          },
          {
            title: t('monitor.instance.ended'),
            key: 'endDate',
            sorter: true,
            sortOrder: sortOrder('endDate'),
            render: (_, row) => (row.endDate ? dateTime(row.endDate) : '—'),
          },
        ]}
      />
    </section>
  );
}
