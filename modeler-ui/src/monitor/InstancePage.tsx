/**
 * One instance (`/monitor/instances/:key?tab=`): its diagram with where it stands (active elements with their
 * counts), the path taken, completed, terminated and failed elements, and each task's time against its limit; its
 * incidents with their messages and a retry; its steps, variables (edited where the role allows), the instances it
 * called and the one that called it; the case's documents and history; cancel with a reason.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApi } from '../api/useApi';
import { CaseDocuments } from '../cases/CaseDocuments';
import { CaseHistory } from '../cases/CaseProgress';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { BpmnFigure, stateMarkers, type Badge } from './BpmnFigure';
import { CancelButton, EditVariableButton, RetryButton } from './InstanceActions';
import { InstanceState } from './InstanceState';
import { formatDuration } from './monitor-format';
import { LoadFailed } from '../shell/LoadFailed';

interface Step {
  elementId: string;
  name: string;
  state: string;
  startedAt: string;
  endedAt: string | null;
  dueDate: string | null;
  usedMs: number;
  overdue: boolean;
}
interface Related {
  processInstanceKey: string;
  processDefinitionId: string;
  processDefinitionName: string | null;
  state: string;
}
interface Detail {
  processInstanceKey: string;
  businessKey: string | null;
  processDefinitionId: string;
  processDefinitionName: string | null;
  processDefinitionVersion: number;
  state: string;
  startDate: string;
  endDate: string | null;
  parentProcessInstanceKey: string | null;
  xml: string;
  active: { elementId: string; count: number }[];
  completed: string[];
  terminated: string[];
  incidentElements: string[];
  takenFlows: string[];
  steps: Step[];
  incidents: {
    incidentKey: string;
    elementId: string;
    errorType: string;
    errorMessage: string;
    creationTime: string;
  }[];
  variables: { name: string; value: string }[];
  called: Related[];
  mayEditVariables: boolean;
}

/** How often a running instance is read again. */
const LIVE_POLL_MS = 3000;

const TABS = ['steps', 'variables', 'called', 'documents', 'history'] as const;

/** The badges on the diagram: how many are active at each element, and each task's time against its limit. */
function useBadges(detail: Detail | undefined): Badge[] {
  const { t } = useI18n();
  return useMemo(() => {
    if (!detail) return [];
    const badges: Badge[] = detail.active.map(({ elementId, count }) => ({
      elementId,
      text: t('monitor.badge.active', { n: count }),
      kind: 'active',
    }));
    for (const step of detail.steps) {
      const used = formatDuration(step.usedMs, t);
      const text = step.dueDate
        ? t('monitor.badge.timeOfLimit', {
            used,
            limit: formatDuration(Date.parse(step.dueDate) - Date.parse(step.startedAt), t),
          })
        : t('monitor.badge.time', { used });
      badges.push({ elementId: step.elementId, text, kind: step.overdue ? 'overdue' : 'time', row: 1 });
    }
    return badges;
  }, [detail, t]);
}

export function InstancePage() {
  const { key } = useParams();
  const [params, setParams] = useSearchParams();
  const { t, dateTime } = useI18n();
  // A running instance is read again every few seconds: the engine's search follows its commands a moment later,
  // so a cancel, a retry or a variable edit shows on the next read rather than on the one right after it.
  const [running, setRunning] = useState(true);
  const detail = useApi<Detail>(key ? `/monitor/instances/${encodeURIComponent(key)}` : undefined, {
    pollMs: running ? LIVE_POLL_MS : undefined,
  });
  const data = detail.data;
  useEffect(() => {
    if (data) setRunning(data.state === 'ACTIVE');
  }, [data]);
  const badges = useBadges(data);
  const markers = useMemo(
    () =>
      data
        ? stateMarkers({
            ...data,
            active: data.active.map((item) => item.elementId),
            incidents: data.incidentElements,
          })
        : {},
    [data],
  );
  const reload = () => void detail.reload();
  const tab = TABS.find((name) => name === params.get('tab')) ?? 'steps';
  const link = (related: Related) => (
    <Link to={`/monitor/instances/${related.processInstanceKey}`} data-testid="related-instance">
      <Data>{related.processDefinitionName ?? related.processDefinitionId}</Data> ({related.processInstanceKey})
    </Link>
  );

  return (
    <section aria-labelledby="monitor-instance-title">
      <Typography.Title level={1} id="monitor-instance-title" style={{ fontSize: 20 }}>
        {t('monitor.instance.title')} <Data>{data?.businessKey ?? key}</Data>
      </Typography.Title>
      <LoadFailed error={detail.error} />
      {data && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions size="small" bordered column={3}>
            <Descriptions.Item label={t('monitor.instance.process')}>
              <Data>
                {data.processDefinitionName ?? data.processDefinitionId} v{data.processDefinitionVersion}
              </Data>
            </Descriptions.Item>
            <Descriptions.Item label={t('monitor.instance.state')}>
              <InstanceState row={{ state: data.state, hasIncident: data.incidents.length > 0 }} />
            </Descriptions.Item>
            <Descriptions.Item label={t('monitor.instance.key')}>{data.processInstanceKey}</Descriptions.Item>
            <Descriptions.Item label={t('monitor.instance.started')}>{dateTime(data.startDate)}</Descriptions.Item>
            <Descriptions.Item label={t('monitor.instance.ended')}>
              {data.endDate ? dateTime(data.endDate) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('monitor.instance.calledBy')}>
              {data.parentProcessInstanceKey ? (
                <Link to={`/monitor/instances/${data.parentProcessInstanceKey}`} data-testid="parent-instance">
                  {data.parentProcessInstanceKey}
                </Link>
              ) : (
                '—'
              )}
            </Descriptions.Item>
          </Descriptions>
          {data.state === 'ACTIVE' && !data.parentProcessInstanceKey && (
            <CancelButton instanceKey={data.processInstanceKey} done={reload} />
          )}
          {data.incidents.map((incident) => (
            <Alert
              key={incident.incidentKey}
              type="error"
              showIcon
              data-testid="incident"
              title={t('monitor.incident.title', { type: incident.errorType })}
              description={<Data>{incident.errorMessage}</Data>}
              action={
                <RetryButton instanceKey={data.processInstanceKey} incidentKey={incident.incidentKey} done={reload} />
              }
            />
          ))}
          <Card size="small">
            <BpmnFigure
              xml={data.xml}
              markers={markers}
              badges={badges}
              testId="instance-diagram"
              label={t('monitor.instance.diagram', { key: data.processInstanceKey })}
            />
            <Typography.Text type="secondary">{t('monitor.instance.legend')}</Typography.Text>
          </Card>
          <Tabs
            activeKey={tab}
            onChange={(next) => setParams(next === 'steps' ? {} : { tab: next })}
            items={[
              {
                key: 'steps',
                label: t('monitor.tab.steps'),
                children: (
                  <Table<Step>
                    size="small"
                    rowKey={(step) => `${step.elementId}-${step.startedAt}`}
                    pagination={false}
                    dataSource={data.steps}
                    data-testid="instance-steps"
                    columns={[
                      { title: t('monitor.step.name'), render: (_, step) => <Data>{step.name}</Data> },
                      { title: t('monitor.step.started'), render: (_, step) => dateTime(step.startedAt) },
                      {
                        title: t('monitor.step.ended'),
                        render: (_, step) => (step.endedAt ? dateTime(step.endedAt) : '—'),
                      },
                      {
                        title: t('monitor.step.due'),
                        render: (_, step) => (step.dueDate ? dateTime(step.dueDate) : '—'),
                      },
                      {
                        title: t('monitor.step.limit'),
                        render: (_, step) =>
                          step.overdue ? (
                            <Tag color="#a8071a" data-testid="step-overdue">
                              {t('monitor.state.overdue')}
                            </Tag>
                          ) : step.dueDate ? (
                            <Tag color="#237804">{t('monitor.step.inTime')}</Tag>
                          ) : (
                            '—'
                          ),
                      },
                    ]}
                  />
                ),
              },
              {
                key: 'variables',
                label: t('monitor.tab.variables'),
                children: (
                  <Table<{ name: string; value: string }>
                    size="small"
                    rowKey="name"
                    pagination={false}
                    dataSource={data.variables}
                    data-testid="instance-variables"
                    columns={[
                      { title: t('monitor.variables.name'), dataIndex: 'name' },
                      {
                        title: t('monitor.variables.value'),
                        render: (_, variable) => (
                          <Data>
                            <code style={{ wordBreak: 'break-all' }}>{variable.value}</code>
                          </Data>
                        ),
                      },
                      ...(data.mayEditVariables && data.state === 'ACTIVE'
                        ? [
                            {
                              title: t('monitor.variables.action'),
                              key: 'edit',
                              render: (_: unknown, variable: { name: string; value: string }) => (
                                <EditVariableButton
                                  instanceKey={data.processInstanceKey}
                                  name={variable.name}
                                  value={variable.value}
                                  done={reload}
                                />
                              ),
                            },
                          ]
                        : []),
                    ]}
                  />
                ),
              },
              {
                key: 'called',
                label: t('monitor.tab.called'),
                children: data.called.length ? (
                  <ul data-testid="called-instances">
                    {data.called.map((child) => (
                      <li key={child.processInstanceKey}>{link(child)}</li>
                    ))}
                  </ul>
                ) : (
                  <Typography.Text type="secondary">{t('monitor.called.none')}</Typography.Text>
                ),
              },
              ...(data.businessKey
                ? [
                    {
                      key: 'documents',
                      label: t('monitor.tab.documents'),
                      children: <CaseDocuments businessKey={data.businessKey} />,
                    },
                    {
                      key: 'history',
                      label: t('monitor.tab.history'),
                      children: <CaseHistory businessKey={data.businessKey} />,
                    },
                  ]
                : []),
            ]}
          />
        </Space>
      )}
    </section>
  );
}
