/**
 * One task (`/tasks/:key`): its form with the case's variables, claim when it is nobody's, complete (errors from
 * the server shown on their fields), assign, return and withdraw as the API allows (TaskActions), and the case's
 * summary, documents and notices beside it, its diagram and history below.
 */
import { useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Col, Descriptions, Row, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api/http';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import { CaseDocuments } from '../cases/CaseDocuments';
import { CaseProgress } from '../cases/CaseProgress';
import { CaseSummary } from './CaseSummary';
import { REQUIRED_DOCUMENTS_NOTE_ID, RequiredDocuments } from './RequiredDocuments';
import { TaskActions } from './TaskActions';
import { TaskForm, type TaskFormHandle } from './TaskForm';
import type { TaskDetails } from './task-types';

export function TaskPage() {
  const { key = '' } = useParams();
  const { t, apiText, dateTime } = useI18n();
  const { user } = useSession();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const task = useApi<TaskDetails>(`/tasks/${key}`);
  const form = useApi<{ schema: unknown } | null>(`/tasks/${key}/form`);
  const formRef = useRef<TaskFormHandle>(null);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The kinds the case has files of, as the documents card lists them after an upload (the task is not reloaded:
  // that would reset the form being filled in). The server checks again on Complete.
  const [caseKinds, setCaseKinds] = useState<Set<string>>();

  const failure = task.error ?? form.error;
  if (failure)
    return (
      <Alert type="error" showIcon role="alert" title={t('common.loadFailed', { message: apiText(failure.message) })} />
    );
  if (!task.data || form.loading) return <Typography.Text>{t('task.loading')}</Typography.Text>;
  const details = task.data;
  const open = details.state === 'CREATED';
  const othersTask = details.assignee !== undefined && details.assignee !== null && details.assignee !== user?.login;
  const required = details.documents.required.map(({ kind, present }) => ({
    kind,
    present: caseKinds ? caseKinds.has(kind) : present,
  }));
  const documentsMissing = required.filter((document) => !document.present);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const unshown =
        formRef.current && error.fieldErrors.length ? formRef.current.showServerErrors(error.fieldErrors, apiText) : [];
      setProblem(error.fieldErrors.length && unshown.length === 0 ? t('task.fixFields') : apiText(error.message));
    } finally {
      setBusy(false);
    }
  }

  const claim = () =>
    run(async () => {
      await api(`/tasks/${key}/claim`, { method: 'POST' });
      void message.success(t('tasks.claimed'));
      await task.reload();
    });

  const complete = () =>
    run(async () => {
      const data = form.data ? formRef.current?.submit() : {};
      if (!data) {
        setProblem(t('task.fixFields'));
        return;
      }
      await api(`/tasks/${key}/complete`, { method: 'POST', body: { variables: data } });
      void message.success(t('task.completed'));
      navigate('/tasks');
    });

  return (
    <section aria-labelledby="task-title">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Link to="/tasks">
          <ArrowLeftOutlined /> {t('task.back')}
        </Link>
        <Typography.Title level={1} id="task-title" style={{ fontSize: 20 }}>
          {details.name}
        </Typography.Title>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('tasks.column.caseNo')}>
            {String(details.variables.businessKey ?? '')}
          </Descriptions.Item>
          <Descriptions.Item label={t('tasks.column.assignee')}>
            {details.assignee ?? t('tasks.unassigned')}
          </Descriptions.Item>
          <Descriptions.Item label={t('task.dueDate')}>{dateTime(details.dueDate)}</Descriptions.Item>
        </Descriptions>
        {!open && <Alert type="info" showIcon title={t('task.notOpen')} />}
        {open && othersTask && (
          <Alert type="warning" showIcon title={t('task.claimFirst', { assignee: details.assignee! })} />
        )}
        {problem && <Alert type="error" showIcon role="alert" title={problem} data-testid="task-problem" />}
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t('task.form')}
            </Typography.Title>
            {form.data ? (
              <TaskForm ref={formRef} schema={form.data.schema} data={details.variables} />
            ) : (
              <Typography.Paragraph>{t('task.noForm')}</Typography.Paragraph>
            )}
            {required.length > 0 && <RequiredDocuments documents={required} />}
            {(details.actions.claim || details.actions.complete) && (
              <Space>
                {details.actions.claim && (
                  <Button onClick={() => void claim()} loading={busy}>
                    {t('tasks.claim')}
                  </Button>
                )}
                {details.actions.complete && (
                  <Button
                    type="primary"
                    onClick={() => void complete()}
                    loading={busy}
                    disabled={documentsMissing.length > 0}
                    aria-describedby={documentsMissing.length > 0 ? REQUIRED_DOCUMENTS_NOTE_ID : undefined}
                    data-testid="complete-task"
                  >
                    {t('task.complete')}
                  </Button>
                )}
              </Space>
            )}
            <div style={{ marginTop: 12 }} data-testid="task-actions">
              <TaskActions taskKey={key} actions={details.actions} reload={task.reload} onProblem={setProblem} />
            </div>
          </Col>
          <Col xs={24} lg={10}>
            <CaseSummary variables={details.variables} />
            {typeof details.variables.businessKey === 'string' && (
              <CaseDocuments
                businessKey={details.variables.businessKey}
                taskKey={open ? key : undefined}
                preferredKind={documentsMissing[0]?.kind}
                onListed={setCaseKinds}
              />
            )}
          </Col>
        </Row>
        {typeof details.variables.businessKey === 'string' && (
          <CaseProgress businessKey={details.variables.businessKey} />
        )}
      </Space>
    </section>
  );
}
