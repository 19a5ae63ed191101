/**
 * The processes a manager watches (`/monitor/processes`): each with its versions and how many of its cases are
 * running, have an incident and are overdue, in all and per version; 变更用电 and 95598 also per business type. Each
 * count links to the instance list filtered to it; each process to its heatmap. When more tasks are overdue than
 * the API reads, the screen says the overdue figures may be low.
 */
import { Alert, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useApi } from '../api/useApi';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { businessTypeLabel } from '../tasks/labels';
import { LoadFailed } from '../shell/LoadFailed';

interface Counts {
  running: number;
  incidents: number;
  overdue: number;
  /** The row's counts reached the engine search's counting limit (10,000): they are lower bounds. */
  atLeast: boolean;
}
type TypeRow = { type: string } & Counts;
type VersionRow = { version: number; processDefinitionKey: string } & Counts;
interface ProcessRow extends Counts {
  processDefinitionId: string;
  processDefinitionName: string;
  versions: VersionRow[];
  types: TypeRow[];
}

const listPath = (filter: Record<string, string>) => `/monitor/instances?${new URLSearchParams(filter)}`;

export function ProcessesPage() {
  const { t, number } = useI18n();
  const processes = useApi<{ items: ProcessRow[]; overdueCapped: boolean }>('/monitor/processes');

  /** The three counts, each a link to the running cases it counts. */
  const countColumns = <R extends Counts>(filterOf: (row: R) => Record<string, string>) =>
    (['running', 'incidents', 'overdue'] as const).map((field) => ({
      title: t(`monitor.processes.${field}`),
      key: field,
      align: 'right' as const,
      render: (_: unknown, row: R) => {
        const state = { running: 'running', incidents: 'incident', overdue: 'overdue' }[field];
        return row[field] ? (
          <Link to={listPath({ ...filterOf(row), state })} data-testid={`count-${field}`}>
            {number(row[field])}
            {row.atLeast ? '+' : ''}
          </Link>
        ) : (
          '0'
        );
      },
    }));

  return (
    <section aria-labelledby="monitor-processes-title">
      <Typography.Title level={1} id="monitor-processes-title" style={{ fontSize: 20 }}>
        {t('monitor.processes.title')}
      </Typography.Title>
      <LoadFailed error={processes.error} />
      {processes.data?.overdueCapped && (
        <Alert
          type="warning"
          showIcon
          data-testid="overdue-capped"
          title={t('monitor.processes.overdueCapped')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<ProcessRow>
        rowKey="processDefinitionId"
        data-testid="process-table"
        loading={processes.loading}
        pagination={false}
        dataSource={processes.data?.items ?? []}
        expandable={{
          expandedRowRender: (row) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Table<VersionRow>
                size="small"
                rowKey="version"
                data-testid="version-table"
                title={() => t('monitor.processes.perVersion')}
                pagination={false}
                dataSource={row.versions}
                columns={[
                  {
                    title: t('monitor.processes.version'),
                    key: 'version',
                    render: (_: unknown, version: VersionRow) => `v${version.version}`,
                  },
                  ...countColumns<VersionRow>((version) => ({
                    processId: row.processDefinitionId,
                    version: String(version.version),
                  })),
                ]}
              />
              {row.types.length > 0 && (
                <Table<TypeRow>
                  size="small"
                  rowKey="type"
                  data-testid="type-table"
                  title={() => t('monitor.processes.perType')}
                  pagination={false}
                  dataSource={row.types}
                  columns={[
                    {
                      title: t('monitor.processes.type'),
                      key: 'type',
                      render: (_: unknown, type: TypeRow) => businessTypeLabel(type.type, t),
                    },
                    ...countColumns<TypeRow>((type) => ({
                      processId: row.processDefinitionId,
                      businessType: type.type,
                    })),
                  ]}
                />
              )}
            </Space>
          ),
        }}
        columns={[
          {
            title: t('monitor.processes.process'),
            key: 'process',
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <Link to={listPath({ processId: row.processDefinitionId })} data-testid="process-link">
                  <Data>{row.processDefinitionName}</Data>
                </Link>
                <Typography.Text type="secondary">
                  <Data>{row.processDefinitionId}</Data>
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('monitor.processes.versions'),
            key: 'versions',
            render: (_, row) => row.versions.map((v) => <Tag key={v.version}>v{v.version}</Tag>),
          },
          ...countColumns<ProcessRow>((row) => ({ processId: row.processDefinitionId })),
          {
            title: t('monitor.processes.heatmap'),
            key: 'heatmap',
            render: (_, row) => (
              <Link
                to={`/monitor/processes/${encodeURIComponent(row.processDefinitionId)}/heatmap`}
                data-testid="heatmap-link"
              >
                {t('monitor.processes.openHeatmap')}
              </Link>
            ),
          },
        ]}
      />
    </section>
  );
}
