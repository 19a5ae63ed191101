/**
 * One dashboard figure: its chart, the table behind it and an export of that table (CSV). The table is the
 * figure: what the chart draws and what the file holds are the same rows and columns.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { BarChart, type BarSeries } from './BarChart';
import { downloadCsv, type CsvColumn } from './csv-export';

export interface FigureColumn<T> extends CsvColumn<T> {
  /** What the table shows, when it is more than the exported value (a link, data marking). */
  render?(row: T): ReactNode;
}

interface Props<T> {
  id: string;
  title: string;
  rows: T[];
  rowKey(row: T): string;
  columns: FigureColumn<T>[];
  /** The chart: a category per row and the series to draw; none for a table alone. */
  chart?: { category(row: T): string; series: { name: string; value(row: T): number | null }[] };
  fileName: string;
}

export function FigureCard<T extends object>({ id, title, rows, rowKey, columns, chart, fileName }: Props<T>) {
  const { t } = useI18n();
  const series: BarSeries[] = chart ? chart.series.map((s) => ({ name: s.name, values: rows.map(s.value) })) : [];
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}
      data-testid={`figure-${id}`}
      style={{ marginBottom: 16 }}
      extra={
        <Button
          icon={<DownloadOutlined />}
          data-testid={`export-${id}`}
          disabled={rows.length === 0}
          onClick={() => downloadCsv(fileName, rows, columns)}
        >
          {t('dashboards.exportCsv')}
        </Button>
      }
    >
      {chart && rows.length > 0 && <BarChart categories={rows.map(chart.category)} series={series} />}
      <Table<T>
        size="small"
        rowKey={rowKey}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('dashboards.empty') }}
        columns={columns.map((column, index) => ({
          key: String(index),
          title: column.title,
          render: (_, row) => (column.render ? column.render(row) : column.value(row)),
        }))}
      />
    </Card>
  );
}
