/**
 * The counter accepts a 业扩报装 application (`/accept/business-expansion`): the customer found or entered new, the
 * application (new connection or capacity increase, voltage, capacity, category), the documents its customer class
 * needs — listed by the API from the class the customer-class DMN gives — ticked as received, then submitted; the
 * new number shows with the case and its acceptance receipt.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { api } from '../api/http';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { zhCN, type MessageKey } from '../i18n/zh-CN';
import { useSession } from '../session/SessionProvider';
import { CaseStarted } from './CaseStarted';
import { CustomerSearch, type FoundCustomer } from './CustomerSearch';
import { NewCustomerFields } from './NewCustomerFields';
import { CATEGORIES, VOLTAGES } from './choices';
import { useAreas } from './use-areas';
import { useDebounced } from './use-debounced';
import { useSubmission } from './use-submission';

interface DocumentKind {
  kind: string;
  name: string;
}
interface RequiredDocuments {
  customerClass: string;
  required: DocumentKind[];
  kinds: DocumentKind[];
}

/** What the API needs to name the customer class, once the form has it all. */
function classQuery(values: Record<string, unknown>, customer: FoundCustomer | undefined, mode: string) {
  const { voltage, capacityKva, category, dualSource, throughAgent } = values;
  const newCustomer = (values.customer ?? {}) as { area?: string; important?: boolean };
  if (!voltage || !category || typeof capacityKva !== 'number' || capacityKva <= 0) return undefined;
  const query = new URLSearchParams({
    voltage: String(voltage),
    capacityKva: String(capacityKva),
    category: String(category),
    dualSource: String(Boolean(dualSource)),
    throughAgent: String(Boolean(throughAgent)),
  });
  if (mode === 'existing') {
    if (!customer) return undefined;
    query.set('customerId', String(customer.id));
  } else {
    if (!newCustomer.area) return undefined;
    query.set('area', newCustomer.area);
    query.set('important', String(Boolean(newCustomer.important)));
  }
  return query.toString();
}

export function AcceptExpansionPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const [form] = Form.useForm();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [customer, setCustomer] = useState<FoundCustomer>();
  const [started, setStarted] = useState<string>();
  const areas = useAreas(locale);
  const submission = useSubmission(form);
  const defaultArea = areas.defaultFor(user?.groups ?? []);
  // The units load after the form: a new customer's area starts as the clerk's own.
  useEffect(() => {
    if (defaultArea && !form.getFieldValue(['customer', 'area'])) form.setFieldValue(['customer', 'area'], defaultArea);
  }, [defaultArea, form, mode, started]);
  const values = (Form.useWatch([], form) ?? {}) as Record<string, unknown>;
  const query = useDebounced(classQuery(values, customer, mode), 400);
  const documents = useApi<RequiredDocuments>(query ? `/business-expansion/required-documents?${query}` : undefined);
  const shownDocuments = query ? documents.data : undefined;
  const documentName = (document: DocumentKind) => {
    const key = `documentKind.${document.kind}`;
    return key in zhCN ? t(key as MessageKey) : document.name;
  };
  const required = new Set(shownDocuments?.required.map((document) => document.kind));
  const businessType = values.businessType as string | undefined;

  const submit = (input: Record<string, unknown>) =>
    submission.submit(async (idempotencyKey) => {
      const { customer: newCustomer, receivedKinds = [], otherKinds = [], ...application } = input;
      const kinds = [...(receivedKinds as string[]), ...(otherKinds as string[])];
      const names = new Map((shownDocuments?.kinds ?? []).map((document) => [document.kind, document.name]));
      const body = {
        ...application,
        ...(mode === 'new' ? { customer: newCustomer } : { customerId: customer?.id }),
        documents: kinds.map((kind) => ({ kind, name: names.get(kind) ?? kind })),
      };
      const answer = await api<{ applicationNo: string }>('/business-expansion/applications', {
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
    <section aria-labelledby="accept-expansion-title">
      <Typography.Title level={1} id="accept-expansion-title" style={{ fontSize: 20 }}>
        {t('intake.expansion.title')}
      </Typography.Title>
      {started ? (
        <CaseStarted
          caseNo={started}
          notice="acceptance-receipt"
          title="intake.expansion.accepted"
          onAnother={another}
        />
      ) : (
        <Form
          form={form}
          name="expansion"
          layout="vertical"
          style={{ maxWidth: 880 }}
          initialValues={{
            businessType: 'new',
            dualSource: false,
            throughAgent: false,
            customer: { kind: 'person', area: defaultArea, areaType: 'urban' },
          }}
          onFinish={(input) => void submit(input as Record<string, unknown>)}
        >
          <Card title={t('intake.section.customer')} style={{ marginBottom: 16 }}>
            <Radio.Group
              value={mode}
              onChange={(event) => setMode(event.target.value as 'new' | 'existing')}
              style={{ marginBottom: 16 }}
              aria-label={t('intake.customer.mode')}
              options={[
                { value: 'new', label: t('intake.customer.new') },
                { value: 'existing', label: t('intake.customer.existing') },
              ]}
            />
            {mode === 'existing' ? (
              <CustomerSearch
                selected={customer}
                onSelect={(chosen) => {
                  setCustomer(chosen);
                  if (chosen && !form.getFieldValue('address')) form.setFieldValue('address', chosen.address);
                }}
              />
            ) : (
              <NewCustomerFields prefix="customer" areas={areas.options} />
            )}
          </Card>
          <Card title={t('intake.section.application')} style={{ marginBottom: 16 }}>
            <Form.Item label={t('intake.expansion.businessType')} name="businessType" rules={[{ required: true }]}>
              <Radio.Group
                options={(['new', 'increase'] as const).map((type) => ({
                  value: type,
                  label: t(`businessType.${type}`),
                }))}
              />
            </Form.Item>
            {businessType === 'increase' && (
              <Form.Item label={t('intake.account')} name="accountId" rules={[{ required: true }]}>
                <Select
                  options={(customer?.accounts ?? []).map((account) => ({
                    value: account.id,
                    label: `${account.accountNo} · ${account.address}`,
                  }))}
                />
              </Form.Item>
            )}
            <Form.Item label={t('intake.expansion.address')} name="address" rules={[{ required: true }]}>
              <Input maxLength={255} />
            </Form.Item>
            <Space wrap size="large" align="start">
              <Form.Item label={t('intake.voltage')} name="voltage" rules={[{ required: true }]}>
                <Select
                  style={{ width: 140 }}
                  options={VOLTAGES.map((voltage) => ({ value: voltage, label: voltage }))}
                />
              </Form.Item>
              <Form.Item label={t('intake.capacityKva')} name="capacityKva" rules={[{ required: true }]}>
                <InputNumber min={0} controls={false} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item label={t('intake.category')} name="category" rules={[{ required: true }]}>
                <Select
                  style={{ width: 160 }}
                  options={CATEGORIES.map((category) => ({ value: category, label: t(`intake.category.${category}`) }))}
                />
              </Form.Item>
            </Space>
            <Space wrap size="large">
              <Form.Item name="dualSource" valuePropName="checked">
                <Checkbox>{t('intake.expansion.dualSource')}</Checkbox>
              </Form.Item>
              <Form.Item name="throughAgent" valuePropName="checked">
                <Checkbox>{t('intake.expansion.throughAgent')}</Checkbox>
              </Form.Item>
            </Space>
          </Card>
          <Card title={t('intake.section.documents')} style={{ marginBottom: 16 }} data-testid="required-documents">
            {!query && <Typography.Paragraph>{t('intake.documents.fillFirst')}</Typography.Paragraph>}
            {query && documents.error && <Alert type="error" showIcon role="alert" title={documents.error.message} />}
            {shownDocuments && (
              <>
                <Typography.Paragraph data-testid="customer-class" data-class={shownDocuments.customerClass}>
                  {t('intake.documents.class', {
                    name: t(`customerClass.${shownDocuments.customerClass}` as MessageKey),
                  })}
                </Typography.Paragraph>
                <Form.Item label={t('intake.documents.required')} name="receivedKinds">
                  <Checkbox.Group
                    style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                    options={shownDocuments.required.map((document) => ({
                      value: document.kind,
                      label: documentName(document),
                    }))}
                  />
                </Form.Item>
                <Form.Item label={t('intake.documents.other')} name="otherKinds">
                  <Select
                    mode="multiple"
                    options={shownDocuments.kinds
                      .filter((document) => !required.has(document.kind))
                      .map((document) => ({ value: document.kind, label: documentName(document) }))}
                  />
                </Form.Item>
              </>
            )}
          </Card>
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
          <Button type="primary" htmlType="submit" loading={submission.busy} data-testid="submit-application">
            {t('intake.submit')}
          </Button>
        </Form>
      )}
    </section>
  );
}
