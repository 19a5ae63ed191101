/** 95598 orders accepted in the period by type, area and satisfaction; urgings and supervisions. */
import { Statistic } from 'antd';
import { Figures } from './Figures';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { zhCN, type MessageKey } from '../i18n/zh-CN';
import { codeLabel } from '../tasks/labels';
import { FigureCard } from './FigureCard';

interface Count {
  key: string;
  count: number;
}

interface WorkOrders {
  total: number;
  byType: Count[];
  byArea: Count[];
  bySatisfaction: Count[];
  urging: { urgings: number; ordersUrged: number; supervisions: number; ordersSupervised: number };
}

export function WorkOrdersTab({ query }: { query: string }) {
  return (
    <Figures<WorkOrders> path={`/dashboards/work-orders?${query}`}>
      {(data) => <WorkOrderFigures data={data} />}
    </Figures>
  );
}

function WorkOrderFigures({ data }: { data: WorkOrders }) {
  const { t } = useI18n();
  const satisfaction = (code: string) => {
    const key = `dashboards.satisfaction.${code}`;
    return key in zhCN ? t(key as MessageKey) : code;
  };
  const card = (
    id: string,
    title: string,
    keyTitle: string,
    rows: Count[],
    name: (key: string) => string,
    asData = false,
  ) => (
    <FigureCard
      id={id}
      title={title}
      rows={rows}
      rowKey={(row) => row.key}
      columns={[
        {
          title: keyTitle,
          value: (row) => name(row.key),
          render: asData ? (row) => <Data>{row.key}</Data> : undefined,
        },
        { title: t('dashboards.orders'), value: (row) => row.count },
      ]}
      chart={{
        category: (row) => name(row.key),
        series: [{ name: t('dashboards.orders'), value: (row) => row.count }],
      }}
      fileName={`${id}.csv`}
    />
  );
  return (
    <>
      <div data-testid="urging-summary" style={{ display: 'flex', gap: 48, marginBottom: 16, flexWrap: 'wrap' }}>
        <Statistic title={t('dashboards.orders')} value={data.total} />
        <Statistic title={t('dashboards.urgings')} value={data.urging.urgings} />
        <Statistic title={t('dashboards.ordersUrged')} value={data.urging.ordersUrged} />
        <Statistic title={t('dashboards.supervisions')} value={data.urging.supervisions} />
        <Statistic title={t('dashboards.ordersSupervised')} value={data.urging.ordersSupervised} />
      </div>
      {card('orders-type', t('dashboards.ordersByType'), t('dashboards.orderType'), data.byType, (key) =>
        codeLabel('businessType', key, t),
      )}
      {card('orders-area', t('dashboards.ordersByArea'), t('dashboards.area'), data.byArea, (key) => key, true)}
      {card(
        'orders-satisfaction',
        t('dashboards.ordersBySatisfaction'),
        t('dashboards.satisfaction'),
        data.bySatisfaction,
        satisfaction,
      )}
    </>
  );
}
