/**
 * What a manager does to one instance: retry an incident (after fixing its cause), change a variable (roles with
 * `variables:edit`), cancel with a reason. Each asks the API, which checks and audits it, then reloads the screen.
 */
import { useState } from 'react';
import { App as AntApp, Button, Form, Input, Modal } from 'antd';
import { api, ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';

function useAction(done: () => void) {
  const { apiText } = useI18n();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  return {
    busy,
    run: async (path: string, method: string, body: unknown, success: string) => {
      setBusy(true);
      try {
        await api(path, { method, body });
        void message.success(success);
        done();
        return true;
      } catch (failure) {
        void message.error(apiText(failure instanceof ApiError ? failure.message : String(failure)));
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}

export function RetryButton({
  instanceKey,
  incidentKey,
  done,
}: {
  instanceKey: string;
  incidentKey: string;
  done(): void;
}) {
  const { t } = useI18n();
  const action = useAction(done);
  return (
    <Button
      size="small"
      loading={action.busy}
      data-testid="incident-retry"
      onClick={() =>
        void action.run(`/monitor/instances/${instanceKey}/retry`, 'POST', { incidentKey }, t('monitor.retried'))
      }
    >
      {t('monitor.retry')}
    </Button>
  );
}

/** A button opening a small form; `fields` are its inputs, `submit` sends them. */
function FormModal({
  label,
  title,
  danger,
  testId,
  fields,
  submit,
  initialValues,
}: {
  label: string;
  title: string;
  danger?: boolean;
  testId: string;
  fields: { name: string; label: string; rows?: number }[];
  submit(values: Record<string, string>): Promise<boolean>;
  initialValues?: Record<string, string>;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Record<string, string>>();
  return (
    <>
      <Button size="small" danger={danger} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title}
        okText={t('taskActions.ok')}
        cancelText={t('taskActions.cancel')}
        okButtonProps={{ danger, loading: busy, ...{ 'data-testid': `${testId}-ok` } }}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={async (values) => {
            setBusy(true);
            if (await submit(values)) setOpen(false);
            setBusy(false);
          }}
        >
          {fields.map((field) => (
            <Form.Item
              key={field.name}
              name={field.name}
              label={field.label}
              rules={[{ required: true, whitespace: true, message: t('monitor.required') }]}
            >
              <Input.TextArea rows={field.rows ?? 2} maxLength={field.name === 'value' ? 10_000 : 500} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </>
  );
}

export function CancelButton({ instanceKey, done }: { instanceKey: string; done(): void }) {
  const { t } = useI18n();
  const action = useAction(done);
  return (
    <FormModal
      label={t('monitor.cancel')}
      title={t('monitor.cancelTitle')}
      danger
      testId="instance-cancel"
      fields={[{ name: 'reason', label: t('monitor.reason') }]}
      submit={(values) =>
        action.run(`/monitor/instances/${instanceKey}/cancel`, 'POST', values, t('monitor.cancelled'))
      }
    />
  );
}

export function EditVariableButton({
  instanceKey,
  name,
  value,
  done,
}: {
  instanceKey: string;
  name: string;
  value: string;
  done(): void;
}) {
  const { t } = useI18n();
  const action = useAction(done);
  return (
    <FormModal
      label={t('monitor.variables.edit')}
      title={t('monitor.variables.editTitle', { name })}
      testId={`edit-variable-${name}`}
      initialValues={{ value }}
      fields={[
        { name: 'value', label: t('monitor.variables.valueJson'), rows: 3 },
        { name: 'reason', label: t('monitor.reason') },
      ]}
      submit={(values) =>
        action.run(
          `/monitor/instances/${instanceKey}/variables`,
          'PUT',
          { name, value: values.value, reason: values.reason },
          t('monitor.variables.saved'),
        )
      }
    />
  );
}
