/**
 * An administrator's form in a modal: the server decides (its 400s land on the form's fields, anything else in the
 * modal's alert, via useSubmission), and the modal closes only once the change is saved.
 */
import { Alert, Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useSubmission } from '../intake/use-submission';

interface Props<V> {
  title: string;
  testId: string;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  onClose(): void;
  /** Sends the form's values; a thrown ApiError is shown, anything else propagates. */
  save(values: V): Promise<void>;
  children: ReactNode;
}

export function FormModal<V extends object>({ title, testId, form, initialValues, onClose, save, children }: Props<V>) {
  const { t } = useI18n();
  const { busy, problem, submit } = useSubmission(form);
  async function ok() {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    await submit(async () => {
      await save(values);
      onClose();
    });
  }
  return (
    <Modal
      open
      title={title}
      onOk={() => void ok()}
      onCancel={onClose}
      confirmLoading={busy}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      okButtonProps={{ 'data-testid': `${testId}-save` } as Record<`data-${string}`, string>}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      <Form<V> form={form} layout="vertical" initialValues={initialValues} data-testid={testId}>
        {children}
      </Form>
    </Modal>
  );
}
