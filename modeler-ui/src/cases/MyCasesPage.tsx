/**
 * "My cases" and the one search across 业扩, 变更用电 and 95598 (`/my-cases?tab=mine|search&q=…&page=…`): the cases
 * I started or did a step of, or every case of my units matching a case or order number, a customer's name,
 * phone, ID number or address. Paged on the server, ID and phone numbers masked; everything in the URL.
 */
import { codeLabel } from '../tasks/labels';
import { Button, Form, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useUrlQuery } from '../shell/use-url-query';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { businessTypeLabel } from '../tasks/labels';
import { LoadFailed } from '../shell/LoadFailed';
import { countText } from '../i18n/format';

interface CaseRow {
  caseNo: string;
  area: 'business-expansion' | 'change-of-use' | 'work-order';
  businessType: string;
  customerName: string | null;
  phone: string | null;
  idNumber: string | null;
  address: string | null;
  state: string;
  startedAt: string;
  startedBy: string | null;
}

const TABS = ['mine', 'search'] as const;
const AREAS = ['business-expansion', 'change-of-use', 'work-order'] as const;
const DEFAULT_SIZE = 20;

export function MyCasesPage() {
  const { t, dateTime } = useI18n();
  const { params, update, positive } = useUrlQuery();
  const tab = params.get('tab') === 'search' ? 'search' : 'mine';
  const q = params.get('q') ?? '';
  const area = AREAS.find((a) => a === params.get('area'));
  const page = positive('page', 1);
  const size = positive('size', DEFAULT_SIZE);
  const query = new URLSearchParams({ page: String(page), size: String(size) });
  if (q) query.set('q', q);
  if (area) query.set('area', area);
  // The search tab lists nothing until something is typed: every case of the units is not a useful first page.
  const path = tab === 'mine' ? `/cases/mine?${query}` : q ? `/cases?${query}` : undefined;
  const list = useApi<{ items: CaseRow[]; total: number; totalAtLeast?: boolean }>(path);

  return (
    <section aria-labelledby="my-cases-title">
      <Typography.Title level={1} id="my-cases-title" style={{ fontSize: 20 }}>
        {t('myCases.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key })}
        items={TABS.map((key) => ({ key, label: t(`myCases.tab.${key}`) }))}
      />
      <Form
        layout="inline"
        key={params.toString()}
        initialValues={{ q }}
        onFinish={(values: { q?: string }) => update({ q: values.q?.trim() })}
        style={{ marginBottom: 16 }}
      >
        <Form.Item label={t('myCases.find')} name="q" htmlFor="case-search-q">
          <Input id="case-search-q" allowClear placeholder={t('myCases.findHint')} style={{ width: 360 }} />
        </Form.Item>
        <Form.Item label={t('myCases.area')} htmlFor="case-search-area">
          <Select
            id="case-search-area"
            allowClear
            style={{ width: 160 }}
            value={area}
            onChange={(value?: string) => update({ area: value })}
            options={AREAS.map((a) => ({ value: a, label: t(`tasks.area.${a}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" data-testid="case-search-submit">
            {t('myCases.search')}
          </Button>
        </Form.Item>
      </Form>
      <LoadFailed error={list.error} />
      {path && list.data && (
        <Typography.Paragraph data-testid="case-total" aria-live="polite">
          {t('myCases.total', { n: countText(list.data.total, list.data.totalAtLeast) })}
        </Typography.Paragraph>
      )}
      <Table<CaseRow>
        rowKey="caseNo"
        data-testid="case-table"
        loading={Boolean(path) && list.loading}
        dataSource={path ? (list.data?.items ?? []) : []}
        locale={{ emptyText: tab === 'search' && !q ? t('myCases.typeFirst') : t('myCases.empty') }}
        pagination={{ current: page, pageSize: size, total: path ? (list.data?.total ?? 0) : 0, showSizeChanger: true }}
        onChange={(pagination) =>
          update({
            page: String(pagination.current ?? 1),
            size: pagination.pageSize === DEFAULT_SIZE ? undefined : String(pagination.pageSize),
          })
        }
        columns={[
          {
            title: t('myCases.column.caseNo'),
            render: (_, row) => (
              <Link to={`/my-cases/${encodeURIComponent(row.caseNo)}`} data-testid="case-link">
                {row.caseNo}
              </Link>
            ),
          },
          { title: t('myCases.column.area'), render: (_, row) => t(`tasks.area.${row.area}`) },
          { title: t('myCases.column.type'), render: (_, row) => businessTypeLabel(row.businessType, t) },
          {
            title: t('myCases.column.customer'),
            render: (_, row) => (
              <div data-i18n="data">
                <div>{row.customerName}</div>
                <Typography.Text type="secondary">{row.address}</Typography.Text>
              </div>
            ),
          },
          {
            title: t('myCases.column.contact'),
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <span data-testid="case-phone">{row.phone}</span>
                {row.idNumber && <span data-testid="case-id-number">{row.idNumber}</span>}
              </Space>
            ),
          },
          {
            title: t('myCases.column.state'),
            render: (_, row) => (
              <Tag>
                {/* Named where the catalogue knows the state; an unknown code stays as it is (data). */}
                <span data-i18n="data">{codeLabel('applicationState', row.state, t)}</span>
              </Tag>
            ),
          },
          { title: t('myCases.column.started'), render: (_, row) => dateTime(row.startedAt) },
          { title: t('myCases.column.startedBy'), render: (_, row) => row.startedBy },
        ]}
      />
    </section>
  );
}
