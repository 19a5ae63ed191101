/**
 * 抄表核算 (`/billing/runs?section=`): the billing runs, newest period first, paged on the server, each with its step
 * along the cycle and its counts (accounts, readings, open anomalies, bills, flagged, issued, total amount); a
 * billing clerk or supervisor starts a run for a section and month (the billing-cycle process) and lands on it.
 */
import { Alert, Button, Card, DatePicker, Form, Select, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/http';
import { useApi } from '../api/useApi';
import { ServerPagedTable } from '../admin/ServerPagedTable';
import { TAG_COLOURS } from '../admin/tag-colours';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { useSubmission } from '../intake/use-submission';
import { useSession } from '../session/SessionProvider';
import { useUrlQuery } from '../shell/use-url-query';
import { RUN_STEPS, runStepIndex } from './billing-labels';
import type { ReadingSection, RunSummary } from './billing-types';

const RUN_STARTERS = ['admin', 'billing-clerk', 'billing-supervisor'];

const sectionOptions = (sections: ReadingSection[]) =>
  sections.map((section) => ({ value: section.id, label: <Data>{`${section.code} ${section.name}`}</Data> }));

interface StartValues {
  sectionId: number;
  period: { format(pattern: string): string };
}

function StartRun({ sections }: { sections: ReadingSection[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<StartValues>();
  const { busy, problem, submit } = useSubmission(form);
  const start = (values: StartValues) =>
    submit(async () => {
      const run = await api<{ runNo: string }>('/billing/runs', {
        method: 'POST',
        body: { sectionId: values.sectionId, period: values.period.format('YYYY-MM') },
      });
      navigate(`/billing/runs/${encodeURIComponent(run.runNo)}`);
    });
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="run-start">
      <Form form={form} layout="inline" onFinish={start} requiredMark={false}>
        <Form.Item
          name="sectionId"
          htmlFor="run-section"
          label={t('billing.runs.section')}
          rules={[{ required: true, message: t('billing.runs.sectionRequired') }]}
        >
          <Select id="run-section" style={{ width: 260 }} options={sectionOptions(sections)} />
        </Form.Item>
        <Form.Item
          name="period"
          htmlFor="run-period"
          label={t('billing.runs.period')}
          rules={[{ required: true, message: t('billing.runs.periodRequired') }]}
        >
          <DatePicker id="run-period" picker="month" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="run-start-button">
          {t('billing.runs.start')}
        </Button>
      </Form>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginTop: 12 }} />}
    </Card>
  );
}

export function RunsPage() {
  const { t, yuan } = useI18n();
  const { user } = useSession();
  const { params, update, picked } = useUrlQuery();
  const sections = useApi<{ items: ReadingSection[] }>('/billing/sections');
  const mayStart = Boolean(user?.roles.some((role) => RUN_STARTERS.includes(role)));
  const query = picked(['sectionId']);
  return (
    <section aria-labelledby="runs-title">
      <Typography.Title level={1} id="runs-title" style={{ fontSize: 20 }}>
        {t('billing.runs.title')}
      </Typography.Title>
      {mayStart && <StartRun sections={sections.data?.items ?? []} />}
      <Select
        aria-label={t('billing.runs.section')}
        allowClear
        placeholder={t('billing.runs.allSections')}
        style={{ width: 260, marginBottom: 12 }}
        value={params.get('sectionId') ? Number(params.get('sectionId')) : undefined}
        onChange={(value?: number) => update({ sectionId: value === undefined ? undefined : String(value) })}
        options={sectionOptions(sections.data?.items ?? [])}
      />
      <ServerPagedTable<RunSummary>
        path="/billing/run-summaries"
        query={query}
        sizeParameter="size"
        rowKey="id"
        data-testid="run-list"
        columns={[
          {
            title: t('billing.runs.runNo'),
            render: (_, run) => <Link to={`/billing/runs/${encodeURIComponent(run.runNo)}`}>{run.runNo}</Link>,
          },
          { title: t('billing.runs.section'), render: (_, run) => <Data>{run.section?.name ?? ''}</Data> },
          { title: t('billing.runs.period'), dataIndex: 'period' },
          {
            title: t('billing.runs.step'),
            render: (_, run) => {
              const step = runStepIndex(run.state);
              const colour = run.state === 'notified' ? TAG_COLOURS.good : TAG_COLOURS.neutral;
              return (
                <Tag color={colour}>{`${step + 1}/${RUN_STEPS.length} ${t(`billing.step.${RUN_STEPS[step]}`)}`}</Tag>
              );
            },
          },
          { title: t('billing.runs.accounts'), dataIndex: 'accounts', align: 'right' },
          { title: t('billing.runs.readings'), dataIndex: 'readings', align: 'right' },
          {
            title: t('billing.runs.anomaliesOpen'),
            align: 'right',
            render: (_, run) =>
              run.anomaliesOpen > 0 ? <Tag color={TAG_COLOURS.waiting}>{run.anomaliesOpen}</Tag> : 0,
          },
          { title: t('billing.runs.bills'), dataIndex: 'bills', align: 'right' },
          { title: t('billing.runs.flagged'), dataIndex: 'billsFlagged', align: 'right' },
          { title: t('billing.runs.issued'), dataIndex: 'billsIssued', align: 'right' },
          { title: t('billing.runs.amount'), align: 'right', render: (_, run) => yuan(run.amountFen) },
        ]}
      />
    </section>
  );
}
