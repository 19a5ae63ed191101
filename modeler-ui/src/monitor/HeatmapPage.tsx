/**
 * Where a process's cases wait (`/monitor/processes/:processId/heatmap?version=`): on its diagram, how many cases
 * are at each step now (the more, the warmer the step), how many of them are overdue, and the mean and
 * 90th-percentile time each step takes; the same figures as a table below.
 */
import { useMemo } from 'react';
import { Card, Form, Select, Table, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApi } from '../api/useApi';
import { Data } from '../i18n/Data';
import { countText } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';
import { BpmnFigure, type Badge } from './BpmnFigure';
import { elementNames, formatDuration } from './monitor-format';
import { LoadFailed } from '../shell/LoadFailed';

interface StepHeat {
  elementId: string;
  active: number;
  incidents: number;
  completed: number;
  overdue: number;
  /** The overdue count is a lower bound: the engine stopped counting at its limit (10,000). */
  overdueAtLeast: boolean;
  meanMs: number | null;
  p90Ms: number | null;
  sampled: number;
}
interface Heatmap {
  processDefinitionId: string;
  processDefinitionName: string;
  version: number;
  versions: number[];
  xml: string;
  steps: StepHeat[];
  durationSample: number;
}

/** Three shades by the share of the busiest step's count. */
const heatOf = (active: number, most: number) =>
  active === 0 ? null : `heat-${Math.min(3, Math.ceil((3 * active) / most))}`;

export function HeatmapPage() {
  const { processId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { t, number } = useI18n();
  const version = params.get('version');
  const heatmap = useApi<Heatmap>(
    `/monitor/processes/${encodeURIComponent(processId)}/heatmap${version ? `?version=${encodeURIComponent(version)}` : ''}`,
  );
  const data = heatmap.data;
  const names = useMemo(() => (data ? elementNames(data.xml) : new Map<string, string>()), [data]);
  const [markers, badges] = useMemo(() => {
    const shaded: Record<string, string[]> = {};
    const shown: Badge[] = [];
    if (!data) return [shaded, shown];
    const most = Math.max(1, ...data.steps.map((step) => step.active));
    for (const step of data.steps) {
      const heat = heatOf(step.active, most);
      if (heat) shaded[heat] = [...(shaded[heat] ?? []), step.elementId];
      let row = 0;
      if (step.active)
        shown.push({
          elementId: step.elementId,
          text: t('monitor.badge.active', { n: step.active }),
          kind: 'active',
          row: row++,
        });
      if (step.overdue)
        shown.push({
          elementId: step.elementId,
          text: t('monitor.badge.overdue', { n: countText(step.overdue, step.overdueAtLeast) }),
          kind: 'overdue',
          row: row++,
        });
      if (step.meanMs !== null)
        shown.push({
          elementId: step.elementId,
          text: t('monitor.badge.meanP90', {
            mean: formatDuration(step.meanMs, t),
            p90: formatDuration(step.p90Ms, t),
          }),
          kind: 'time',
          row: row++,
        });
    }
    return [shaded, shown];
  }, [data, t]);

  return (
    <section aria-labelledby="monitor-heatmap-title">
      <Typography.Title level={1} id="monitor-heatmap-title" style={{ fontSize: 20 }}>
        {t('monitor.heatmap.title')} <Data>{data?.processDefinitionName ?? processId}</Data>
      </Typography.Title>
      <LoadFailed error={heatmap.error} />
      {data && (
        <>
          <Form layout="inline" style={{ marginBottom: 12 }}>
            <Form.Item label={t('monitor.filter.version')} htmlFor="heatmap-version">
              <Select
                id="heatmap-version"
                style={{ width: 100 }}
                value={String(data.version)}
                onChange={(value: string) => setParams({ version: value })}
                options={data.versions.map((v) => ({ value: String(v), label: `v${v}` }))}
              />
            </Form.Item>
            <Form.Item>
              <Link
                to={`/monitor/instances?${new URLSearchParams({ processId, version: String(data.version), state: 'running' })}`}
              >
                {t('monitor.heatmap.instances')}
              </Link>
            </Form.Item>
          </Form>
          <Card size="small">
            <BpmnFigure
              xml={data.xml}
              markers={markers}
              badges={badges}
              testId="heatmap-diagram"
              label={t('monitor.heatmap.diagram', { process: data.processDefinitionId })}
            />
            <Typography.Text type="secondary">
              {t('monitor.heatmap.legend', { n: data.durationSample })}
            </Typography.Text>
          </Card>
          <Table<StepHeat>
            size="small"
            rowKey="elementId"
            pagination={false}
            style={{ marginTop: 16 }}
            data-testid="heatmap-table"
            dataSource={data.steps}
            columns={[
              {
                title: t('monitor.step.name'),
                render: (_, step) => <Data>{names.get(step.elementId) ?? step.elementId}</Data>,
              },
              { title: t('monitor.heatmap.active'), align: 'right', render: (_, step) => number(step.active) },
              {
                title: t('monitor.heatmap.overdue'),
                align: 'right',
                render: (_, step) => `${number(step.overdue)}${step.overdueAtLeast ? '+' : ''}`,
              },
              { title: t('monitor.heatmap.incidents'), align: 'right', render: (_, step) => number(step.incidents) },
              { title: t('monitor.heatmap.completed'), align: 'right', render: (_, step) => number(step.completed) },
              { title: t('monitor.heatmap.mean'), align: 'right', render: (_, step) => formatDuration(step.meanMs, t) },
              { title: t('monitor.heatmap.p90'), align: 'right', render: (_, step) => formatDuration(step.p90Ms, t) },
              { title: t('monitor.heatmap.sampled'), align: 'right', render: (_, step) => number(step.sampled) },
            ]}
          />
        </>
      )}
    </section>
  );
}
