/**
 * Managers find a case by its number (`/cases/:caseNo`) and see each process's steps with state and times, then the
 * case's diagram and who did each of its tasks (the progress card the task page shows).
 */
import { Alert, Card, Input, Table, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { codeLabel } from '../tasks/labels';
import { CaseProgress } from './CaseProgress';

interface Step {
  elementId: string;
  name: string | null;
  state: string;
  startDate: string;
  endDate: string | null;
}
interface CaseHistory {
  processes: {
    processInstanceKey: string;
    processDefinitionId: string;
    processDefinitionName?: string | null;
    state: string;
    steps: Step[];
  }[];
}

export function CaseLookupPage() {
  const { caseNo } = useParams();
  const navigate = useNavigate();
  const { t, apiText, dateTime } = useI18n();
  const history = useApi<CaseHistory>(caseNo ? `/cases/${encodeURIComponent(caseNo)}` : undefined);
  return (
    <section aria-labelledby="cases-title">
      <Typography.Title level={1} id="cases-title" style={{ fontSize: 20 }}>
        {t('cases.title')}
      </Typography.Title>
      <Input.Search
        aria-label={t('cases.placeholder')}
        placeholder={t('cases.placeholder')}
        defaultValue={caseNo}
        enterButton={t('cases.search')}
        style={{ maxWidth: 420, marginBottom: 16 }}
        onSearch={(value) => value.trim() && navigate(`/cases/${encodeURIComponent(value.trim())}`)}
      />
      {history.error && <Alert type="error" showIcon role="alert" title={apiText(history.error.message)} />}
      {history.data?.processes.map((process) => (
        <Card
          key={process.processInstanceKey}
          title={`${t('cases.process')}: ${process.processDefinitionName ?? process.processDefinitionId}`}
          extra={<span data-testid="process-state">{codeLabel('elementState', process.state, t)}</span>}
          style={{ marginBottom: 16 }}
        >
          <Table<Step>
            size="small"
            rowKey={(step) => `${step.elementId}-${step.startDate}`}
            pagination={false}
            dataSource={process.steps}
            columns={[
              { title: t('cases.step'), render: (_, step) => step.name ?? step.elementId },
              { title: t('cases.state'), render: (_, step) => codeLabel('elementState', step.state, t) },
              { title: t('cases.started'), render: (_, step) => dateTime(step.startDate) },
              { title: t('cases.ended'), render: (_, step) => dateTime(step.endDate) },
            ]}
          />
        </Card>
      ))}
      {history.data && caseNo && <CaseProgress businessKey={caseNo} />}
    </section>
  );
}
