/** Whole-case time-limit compliance per unit and per month, and the 获得电力 view per customer class. */
import { Statistic } from 'antd';
import { Figures } from './Figures';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { codeLabel } from '../tasks/labels';
import { FigureCard } from './FigureCard';
import { percent, tenths } from './figure-format';

interface ComplianceRow {
  key: string;
  finished: number;
  compliant: number;
  compliantShare: number | null;
}

interface AccessRow {
  customerClass: string;
  cases: number;
  meanLinks: number | null;
  meanWorkingDays: number | null;
  meanCostFen: number | null;
}

interface Compliance {
  finished: number;
  compliant: number;
  compliantShare: number | null;
  byUnit: ComplianceRow[];
  byMonth: ComplianceRow[];
  access: AccessRow[];
}

export function ComplianceTab({ query, unitName }: { query: string; unitName(code: string): string }) {
  return (
    <Figures<Compliance> path={`/dashboards/compliance?${query}`}>
      {(data) => <ComplianceFigures data={data} unitName={unitName} />}
    </Figures>
  );
}

function ComplianceFigures({ data, unitName }: { data: Compliance; unitName(code: string): string }) {
  const { t, yuan } = useI18n();
  const complianceColumns = (keyTitle: string, keyText: (key: string) => string, asData: boolean) => [
    {
      title: keyTitle,
      value: (row: ComplianceRow) => keyText(row.key),
      render: asData ? (row: ComplianceRow) => <Data>{keyText(row.key)}</Data> : undefined,
    },
    { title: t('dashboards.finished'), value: (row: ComplianceRow) => row.finished },
    { title: t('dashboards.compliant'), value: (row: ComplianceRow) => row.compliant },
    { title: t('dashboards.compliantShare'), value: (row: ComplianceRow) => percent(row.compliantShare) },
  ];
  const complianceChart = (keyText: (key: string) => string) => ({
    category: (row: ComplianceRow) => keyText(row.key),
    series: [
      { name: t('dashboards.finished'), value: (row: ComplianceRow) => row.finished },
      { name: t('dashboards.compliant'), value: (row: ComplianceRow) => row.compliant },
    ],
  });
  return (
    <>
      <div data-testid="compliance-summary" style={{ display: 'flex', gap: 48, marginBottom: 16 }}>
        <Statistic title={t('dashboards.finished')} value={data.finished} />
        <Statistic title={t('dashboards.compliant')} value={data.compliant} />
        <Statistic title={t('dashboards.compliantShare')} value={percent(data.compliantShare)} />
      </div>
      <FigureCard
        id="compliance-unit"
        title={t('dashboards.complianceByUnit')}
        rows={data.byUnit}
        rowKey={(row) => row.key}
        columns={complianceColumns(t('dashboards.unit'), unitName, true)}
        chart={complianceChart(unitName)}
        fileName="compliance-by-unit.csv"
      />
      <FigureCard
        id="compliance-month"
        title={t('dashboards.complianceByMonth')}
        rows={data.byMonth}
        rowKey={(row) => row.key}
        columns={complianceColumns(t('dashboards.month'), (key) => key, false)}
        chart={complianceChart((key) => key)}
        fileName="compliance-by-month.csv"
      />
      <FigureCard
        id="access"
        title={t('dashboards.access')}
        rows={data.access}
        rowKey={(row) => row.customerClass}
        columns={[
          { title: t('dashboards.customerClass'), value: (row) => codeLabel('customerClass', row.customerClass, t) },
          { title: t('dashboards.cases'), value: (row) => row.cases },
          { title: t('dashboards.meanLinks'), value: (row) => tenths(row.meanLinks) },
          { title: t('dashboards.meanWorkingDays'), value: (row) => tenths(row.meanWorkingDays) },
          { title: t('dashboards.meanCost'), value: (row) => (row.meanCostFen === null ? '—' : yuan(row.meanCostFen)) },
        ]}
        chart={{
          category: (row) => codeLabel('customerClass', row.customerClass, t),
          series: [
            { name: t('dashboards.meanLinks'), value: (row) => row.meanLinks },
            { name: t('dashboards.meanWorkingDays'), value: (row) => row.meanWorkingDays },
          ],
        }}
        fileName="access-to-electricity.csv"
      />
    </>
  );
}
