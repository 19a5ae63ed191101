/**
 * A billing run (`/billing/runs/:runNo`): its step along the cycle and counts (read again every few seconds, so the
 * screen follows the process), the reading file imported for its month with the import's progress, the anomalies
 * with a link to each open one's task in the tasklist, and the bills with the flagged ones first, each opening the
 * bill. Both lists are paged on the server and read again when the run's figures change.
 */
import { Card, Descriptions, Steps, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../api/useApi';
import { ServerPagedTable, type ServerPagedTableProps } from '../admin/ServerPagedTable';
import { TAG_COLOURS } from '../admin/tag-colours';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import { LoadFailed } from '../shell/LoadFailed';
import { MENU, mayOpen } from '../shell/menu';
import { codeLabel } from '../tasks/labels';
import { RUN_STEPS, runStepIndex } from './billing-labels';
import { ReadingImportCard } from './ReadingImportCard';
import type { RunAnomaly, RunBill, RunSummary } from './billing-types';

const POLL_MS = 3_000;
const READING_WRITERS = ['admin', 'meter-reader', 'billing-clerk'];
const NO_QUERY = new URLSearchParams();
/** A bill opens on the bills screen, for whoever may open that screen. */
const BILLS_SCREEN = MENU.find((entry) => entry.key === 'billingBills')!;

function RunFigures({ run }: { run: RunSummary }) {
  const { t, yuan } = useI18n();
  const step = runStepIndex(run.state);
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Steps
        size="small"
        current={step}
        status={run.state === 'notified' ? 'finish' : 'process'}
        data-testid="run-steps"
        items={RUN_STEPS.map((name) => ({ title: t(`billing.step.${name}`) }))}
      />
      <Descriptions size="small" column={4} style={{ marginTop: 16 }} data-testid="run-figures">
        <Descriptions.Item label={t('billing.runs.section')}>
          <Data>{run.section ? `${run.section.code} ${run.section.name}` : ''}</Data>
        </Descriptions.Item>
        <Descriptions.Item label={t('billing.runs.period')}>{run.period}</Descriptions.Item>
        <Descriptions.Item label={t('billing.run.startedBy')}>{run.startedBy}</Descriptions.Item>
        <Descriptions.Item label={t('billing.runs.accounts')}>{run.accounts}</Descriptions.Item>
        <Descriptions.Item label={t('billing.runs.readings')}>{run.readings}</Descriptions.Item>
        <Descriptions.Item label={t('billing.runs.anomaliesOpen')}>{run.anomaliesOpen}</Descriptions.Item>
        <Descriptions.Item label={t('billing.runs.bills')}>{run.bills}</Descriptions.Item>
        <Descriptions.Item label={t('billing.runs.flagged')}>{run.billsFlagged}</Descriptions.Item>
        <Descriptions.Item label={t('billing.runs.issued')}>{run.billsIssued}</Descriptions.Item>
        <Descriptions.Item label={t('billing.runs.amount')}>{yuan(run.amountFen)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

type RunListProps<T> = { run: RunSummary; list: 'anomaly-tasks' | 'bills' } & Omit<
  ServerPagedTableProps<T>,
  'path' | 'query' | 'sizeParameter' | 'rowKey'
>;

/** One of the run's lists, paged on the server with its own page in the URL. */
function RunList<T extends { id: number }>({ run, list, ...table }: RunListProps<T>) {
  return (
    <ServerPagedTable<T>
      path={`/billing/runs/${encodeURIComponent(run.runNo)}/${list}`}
      query={NO_QUERY}
      sizeParameter="size"
      rowKey="id"
      {...table}
    />
  );
}

function AnomalyTable({ run, refresh }: { run: RunSummary; refresh: number }) {
  const { t, number } = useI18n();
  const tasksOfRun = `/tasks?${new URLSearchParams({ caseNo: run.runNo, step: 'resolve_anomaly' })}`;
  return (
    <RunList<RunAnomaly>
      run={run}
      list="anomaly-tasks"
      urlPrefix="anomaly"
      refresh={refresh}
      data-testid="run-anomalies"
      columns={[
        { title: t('billing.anomalies.account'), render: (_, row) => <Data>{row.accountNo ?? ''}</Data> },
        { title: t('billing.anomalies.kind'), render: (_, row) => codeLabel('billing.anomaly.rule', row.rule, t) },
        {
          title: t('billing.anomalies.reading'),
          render: (_, row) => (row.reading === null ? '—' : number(row.reading)),
        },
        {
          title: t('billing.anomalies.use'),
          render: (_, row) => (row.detail.use === undefined ? '—' : number(row.detail.use)),
        },
        {
          title: t('billing.anomalies.average'),
          render: (_, row) => (row.detail.average === undefined ? '—' : number(row.detail.average)),
        },
        {
          title: t('billing.anomalies.status'),
          render: (_, row) => (
            <Tag color={row.status === 'open' ? TAG_COLOURS.waiting : TAG_COLOURS.good}>
              {codeLabel('billing.anomaly.status', row.status, t)}
            </Tag>
          ),
        },
        {
          title: t('billing.anomalies.task'),
          render: (_, row) =>
            row.status !== 'open' ? (
              <Data>{row.reason ?? ''}</Data>
            ) : (
              <Link to={row.userTaskKey ? `/tasks/${row.userTaskKey}` : tasksOfRun}>
                {t(row.userTaskKey ? 'billing.anomalies.openTask' : 'billing.anomalies.findTasks')}
              </Link>
            ),
        },
      ]}
    />
  );
}

function BillTable({ run, refresh }: { run: RunSummary; refresh: number }) {
  const { t, yuan } = useI18n();
  const { user } = useSession();
  const mayOpenBills = Boolean(user && mayOpen(BILLS_SCREEN, user.roles));
  return (
    <RunList<RunBill>
      run={run}
      list="bills"
      urlPrefix="bill"
      refresh={refresh}
      data-testid="run-bills"
      columns={[
        { title: t('billing.bill.account'), render: (_, bill) => <Data>{bill.accountNo}</Data> },
        {
          title: t('billing.bill.flag'),
          render: (_, bill) =>
            bill.flagReasons.map((reason) => (
              <Tag key={reason.rule} color={TAG_COLOURS.bad}>
                {codeLabel('billing.flag', reason.rule, t)}
              </Tag>
            )),
        },
        { title: t('billing.bill.amount'), align: 'right', render: (_, bill) => yuan(bill.amountFen) },
        { title: t('billing.bill.status'), render: (_, bill) => codeLabel('billing.bill.status', bill.status, t) },
        { title: t('billing.bill.dueDate'), dataIndex: 'dueDate' },
        {
          title: '',
          render: (_, bill) => mayOpenBills && <Link to={`/billing/bills/${bill.id}`}>{t('billing.bill.open')}</Link>,
        },
      ]}
    />
  );
}

export function RunPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { runNo = '' } = useParams();
  const summary = useApi<RunSummary>(`/billing/run-summaries/${encodeURIComponent(runNo)}`, { pollMs: POLL_MS });
  // The lists are read again whenever the run's figures change (useApi keeps an unchanged answer's object).
  const [version, setVersion] = useState(0);
  useEffect(() => setVersion((n) => n + 1), [summary.data]);
  const { reload } = summary;
  const imported = useCallback(() => void reload(), [reload]);
  const run = summary.data;
  const mayImport = Boolean(user?.roles.some((role) => READING_WRITERS.includes(role)));
  return (
    <section aria-labelledby="run-title">
      <Typography.Title level={1} id="run-title" style={{ fontSize: 20 }}>
        {t('billing.run.title', { runNo })}
      </Typography.Title>
      <LoadFailed error={summary.error} onRetry={summary.reload} />
      {run && (
        <>
          <RunFigures run={run} />
          {mayImport && <ReadingImportCard period={run.period} onImported={imported} />}
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
            {t('billing.anomalies.title')}
          </Typography.Title>
          <AnomalyTable run={run} refresh={version} />
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
            {t('billing.bills.title')}
          </Typography.Title>
          <BillTable run={run} refresh={version} />
        </>
      )}
    </section>
  );
}
