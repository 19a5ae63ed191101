/**
 * The managers' dashboards (`/dashboards?tab=&from=&to=&unit=`): time-limit compliance and 获得电力, step durations,
 * backlog, 95598 orders. Each figure is a chart with its table and a CSV export; the filters live in the URL.
 * Loaded only when opened (App.tsx), so the charting library is not in the first bundle.
 */
import { Form, Input, Select, Tabs, Typography } from 'antd';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { BacklogTab } from './BacklogTab';
import { ComplianceTab } from './ComplianceTab';
import { TABS, useDashboardFilters } from './dashboard-filters';
import { StepsTab } from './StepsTab';
import { WorkOrdersTab } from './WorkOrdersTab';

interface Group {
  code: string;
  name: string;
  level: string;
}

export function DashboardsPage() {
  const { t } = useI18n();
  const filters = useDashboardFilters();
  const groups = useApi<{ items: Group[] }>('/groups');
  const units = (groups.data?.items ?? []).filter((group) => group.level === 'unit');
  const unitName = (code: string) => units.find((unit) => unit.code === code)?.name ?? code;
  const panels = {
    compliance: <ComplianceTab query={filters.query} unitName={unitName} />,
    steps: <StepsTab query={filters.query} />,
    backlog: <BacklogTab unit={filters.unit} />,
    workOrders: <WorkOrdersTab query={filters.query} />,
  };
  return (
    <section aria-labelledby="dashboards-title">
      <Typography.Title level={1} id="dashboards-title" style={{ fontSize: 20 }}>
        {t('dashboards.title')}
      </Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('dashboards.from')} htmlFor="dashboard-from">
          <Input
            id="dashboard-from"
            type="date"
            value={filters.from}
            onChange={(event) => filters.update({ from: event.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('dashboards.to')} htmlFor="dashboard-to">
          <Input
            id="dashboard-to"
            type="date"
            value={filters.to}
            onChange={(event) => filters.update({ to: event.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('dashboards.unit')} htmlFor="dashboard-unit">
          <Select
            id="dashboard-unit"
            allowClear
            style={{ width: 220 }}
            placeholder={t('dashboards.allUnits')}
            value={filters.unit}
            onChange={(value?: string) => filters.update({ unit: value })}
            options={units.map((unit) => ({ value: unit.code, label: <span data-i18n="data">{unit.name}</span> }))}
          />
        </Form.Item>
      </Form>
      <Tabs
        activeKey={filters.tab}
        onChange={(key) => filters.update({ tab: key })}
        items={TABS.map((key) => ({
          key,
          label: t(`dashboards.tab.${key}`),
          children: filters.tab === key ? panels[key] : null,
        }))}
      />
    </section>
  );
}
