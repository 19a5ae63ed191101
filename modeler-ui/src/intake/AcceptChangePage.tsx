/**
 * The counter accepts a 变更用电 application (`/accept/change-of-use`): the customer found, one of their accounts,
 * the change type with the fields that type carries, the day asked for and the reason; the server checks the
 * account, the notice period and debts, and its errors show on their fields. The new number shows with the case
 * and its acceptance receipt.
 */
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/zh-CN';
import { businessTypeLabel } from '../tasks/labels';
import { CaseStarted } from './CaseStarted';
import { CustomerSearch, type FoundCustomer } from './CustomerSearch';
import { NewCustomerFields } from './NewCustomerFields';
import { CATEGORIES, CHANGE_TYPES, VOLTAGES, type ChangeField } from './choices';
import { useSubmission } from './use-submission';

function ChangeFieldItem(props: { field: ChangeField; optional?: boolean; customer: FoundCustomer }) {
  const { t } = useI18n();
  const { field } = props;
  if (field === 'newCustomer')
    return (
      <fieldset className="intake-fieldset">
        <legend>{t('intake.change.field.newCustomer')}</legend>
        <NewCustomerFields prefix="newCustomer" />
      </fieldset>
    );
  const label = t(`intake.change.field.${field}` as MessageKey);
  const rules = [{ required: !props.optional }];
  let control;
  if (field.endsWith('Kva')) control = <InputNumber min={0} controls={false} style={{ width: 160 }} />;
  else if (field === 'sameSupplyPoint')
    control = (
      <Radio.Group
        options={[
          { value: true, label: t('common.yes') },
          { value: false, label: t('common.no') },
        ]}
      />
    );
  else if (field === 'newVoltage' || field === 'voltage')
    control = (
      <Select style={{ width: 140 }} options={VOLTAGES.map((voltage) => ({ value: voltage, label: voltage }))} />
    );
  else if (field === 'newCategory')
    control = (
      <Select
        style={{ width: 160 }}
        options={CATEGORIES.map((category) => ({ value: category, label: t(`intake.category.${category}`) }))}
      />
    );
  else if (field === 'targetAccountId')
    control = (
      <Select
        options={(props.customer.accounts ?? []).map((account) => ({
          value: account.id,
          label: `${account.accountNo} · ${account.address}`,
        }))}
      />
    );
  else control = <Input maxLength={255} />;
  return (
    <Form.Item label={label} name={field} rules={rules}>
      {control}
    </Form.Item>
  );
}

export function AcceptChangePage() {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [customer, setCustomer] = useState<FoundCustomer>();
  const [started, setStarted] = useState<string>();
  const submission = useSubmission(form);
  const changeType = Form.useWatch('changeType', form) as string | undefined;

  const submit = (input: Record<string, unknown>) =>
    submission.submit(async (idempotencyKey) => {
      const own = new Set(CHANGE_TYPES[String(input.changeType)]?.map((spec) => spec.field));
      // Only the chosen type's own fields go: the API refuses another type's.
      const body = Object.fromEntries(
        Object.entries(input).filter(
          ([name, value]) =>
            value !== undefined &&
            value !== '' &&
            (['accountId', 'changeType', 'reason'].includes(name) || own.has(name as ChangeField)),
        ),
      );
      body.requestedDate = (input.requestedDate as Dayjs | undefined)?.format('YYYY-MM-DD');
      const answer = await api<{ applicationNo: string }>('/change-of-use/applications', {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      });
      setStarted(answer.applicationNo);
    });

  function another() {
    form.resetFields();
    setCustomer(undefined);
    setStarted(undefined);
    submission.reset();
  }

  return (
    <section aria-labelledby="accept-change-title">
      <Typography.Title level={1} id="accept-change-title" style={{ fontSize: 20 }}>
        {t('intake.change.title')}
      </Typography.Title>
      {started ? (
        <CaseStarted caseNo={started} notice="acceptance-receipt" title="intake.change.accepted" onAnother={another} />
      ) : (
        <Form
          form={form}
          name="change"
          layout="vertical"
          style={{ maxWidth: 880 }}
          onFinish={(input) => void submit(input as Record<string, unknown>)}
        >
          <Card title={t('intake.section.customer')} style={{ marginBottom: 16 }}>
            <CustomerSearch
              selected={customer}
              onSelect={(chosen) => {
                setCustomer(chosen);
                form.setFieldValue('accountId', chosen?.accounts?.[0]?.id);
              }}
            />
          </Card>
          {customer && (
            <Card title={t('intake.section.application')} style={{ marginBottom: 16 }}>
              <Form.Item label={t('intake.account')} name="accountId" rules={[{ required: true }]}>
                <Select
                  options={(customer.accounts ?? []).map((account) => ({
                    value: account.id,
                    label: `${account.accountNo} · ${account.address} · ${account.voltage} · ${account.capacityKva} kVA`,
                  }))}
                />
              </Form.Item>
              <Form.Item label={t('intake.change.type')} name="changeType" rules={[{ required: true }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={Object.keys(CHANGE_TYPES).map((type) => ({
                    value: type,
                    label: businessTypeLabel(type, t),
                  }))}
                />
              </Form.Item>
              {(changeType ? CHANGE_TYPES[changeType] : []).map((spec) => (
                <ChangeFieldItem key={spec.field} field={spec.field} optional={spec.optional} customer={customer} />
              ))}
              <Form.Item label={t('intake.change.requestedDate')} name="requestedDate" rules={[{ required: true }]}>
                <DatePicker format="YYYY-MM-DD" />
              </Form.Item>
              <Form.Item label={t('intake.change.reason')} name="reason" rules={[{ required: true }]}>
                <Input.TextArea maxLength={500} rows={2} />
              </Form.Item>
            </Card>
          )}
          {submission.problem && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={submission.problem}
              data-testid="intake-problem"
              style={{ marginBottom: 16 }}
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            loading={submission.busy}
            disabled={!customer}
            data-testid="submit-application"
          >
            {t('intake.submit')}
          </Button>
        </Form>
      )}
    </section>
  );
}
