/**
 * The actions on a task beyond claim and complete (decision 0033), each behind a modal asking for the assignee or
 * the reason: assign (supervisors), return to an earlier step, withdraw a step one completed. Only the actions
 * the API says this user may take now are shown; the API still decides when asked.
 */
import { useState } from 'react';
import { App as AntApp, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../api/http';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import type { TaskActionsAllowed } from './task-types';

type Kind = 'assign' | 'return' | 'withdraw';

interface Props {
  taskKey: string;
  actions: TaskActionsAllowed;
  /** Reloads the task after an action that leaves the user on it. */
  reload: () => Promise<void>;
  onProblem: (message: string | undefined) => void;
}

interface Values {
  assignee?: string;
  to?: string;
  reason?: string;
}

function AssigneeSelect({ taskKey }: { taskKey: string }) {
  const { t } = useI18n();
  const people = useApi<{ items: { login: string; name: string }[] }>(`/tasks/${taskKey}/assignees`);
  return (
    <Form.Item
      name="assignee"
      label={t('taskActions.assignee')}
      rules={[{ required: true, message: t('taskActions.assigneeRequired') }]}
    >
      <Select
        loading={people.loading}
        options={(people.data?.items ?? []).map((person) => ({
          value: person.login,
          label: `${person.name} (${person.login})`,
        }))}
        data-testid="assignee-select"
      />
    </Form.Item>
  );
}

export function TaskActions({ taskKey, actions, reload, onProblem }: Props) {
  const { t, apiText } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState<Kind>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();

  // The form mounts afresh with each opening (destroyOnHidden): a single return target comes chosen.
  const initialValues: Values = actions.returnTo.length === 1 ? { to: actions.returnTo[0].elementId } : {};

  async function submit() {
    const values = await form.validateFields();
    setBusy(true);
    onProblem(undefined);
    try {
      if (open === 'assign') {
        await api(`/tasks/${taskKey}/assign`, { method: 'POST', body: { assignee: values.assignee } });
        void message.success(t('taskActions.assigned', { name: values.assignee! }));
        setOpen(undefined);
        await reload();
      } else if (open === 'return') {
        await api(`/tasks/${taskKey}/return`, { method: 'POST', body: { to: values.to, reason: values.reason } });
        const step = actions.returnTo.find((target) => target.elementId === values.to)?.name ?? values.to!;
        void message.success(t('taskActions.returned', { step }));
        setOpen(undefined);
        navigate('/tasks');
      } else if (open === 'withdraw') {
        const answer = await api<{ reopenedTaskKey: string | null }>(`/tasks/${taskKey}/withdraw`, {
          method: 'POST',
          body: { reason: values.reason },
        });
        void message.success(t('taskActions.withdrawn'));
        setOpen(undefined);
        navigate(answer.reopenedTaskKey ? `/tasks/${answer.reopenedTaskKey}` : '/tasks');
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setOpen(undefined);
      onProblem(apiText(error.message));
    } finally {
      setBusy(false);
    }
  }

  const titles: Record<Kind, string> = {
    assign: t('taskActions.assignTitle'),
    return: t('taskActions.returnTitle'),
    withdraw: t('taskActions.withdrawTitle'),
  };
  const reason = (
    <Form.Item
      name="reason"
      label={t('taskActions.reason')}
      rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('taskActions.reasonRequired') }]}
    >
      <Input.TextArea rows={3} maxLength={500} data-testid="action-reason" />
    </Form.Item>
  );

  if (!actions.assign && actions.returnTo.length === 0 && !actions.withdraw) return null;
  return (
    <>
      <Space wrap>
        {actions.assign && (
          <Button onClick={() => setOpen('assign')} data-testid="assign-task">
            {t('taskActions.assign')}
          </Button>
        )}
        {actions.returnTo.length > 0 && (
          <Button danger onClick={() => setOpen('return')} data-testid="return-task">
            {t('taskActions.return')}
          </Button>
        )}
        {actions.withdraw && (
          <Button onClick={() => setOpen('withdraw')} data-testid="withdraw-task">
            {t('taskActions.withdraw')}
          </Button>
        )}
      </Space>
      <Modal
        open={open !== undefined}
        title={open ? titles[open] : undefined}
        okText={t('taskActions.ok')}
        cancelText={t('taskActions.cancel')}
        confirmLoading={busy}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={() => setOpen(undefined)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'action-ok' } as Record<`data-${string}`, string>}
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={initialValues}>
          {open === 'assign' && <AssigneeSelect taskKey={taskKey} />}
          {open === 'return' && (
            <>
              <Form.Item
                name="to"
                label={t('taskActions.returnTarget')}
                rules={[{ required: true, message: t('taskActions.returnTargetRequired') }]}
              >
                <Select
                  options={actions.returnTo.map((target) => ({
                    value: target.elementId,
                    label: <span data-i18n="data">{target.name}</span>,
                  }))}
                  data-testid="return-target"
                />
              </Form.Item>
              {reason}
            </>
          )}
          {open === 'withdraw' && (
            <>
              <p>{t('taskActions.withdrawHint')}</p>
              {reason}
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
