/**
 * A 95598 agent takes a call (`/work-orders/new`): the order's type (and sub-type), channel, urgency, the caller,
 * the place and what they say, with the knowledge base beside the form to answer from; the server checks the order
 * (its errors show on their fields) and the new order number shows with the order and its printed sheet.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { api } from '../api/http';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { zhCN, type MessageKey } from '../i18n/zh-CN';
import { useSession } from '../session/SessionProvider';
import { businessTypeLabel } from '../tasks/labels';
import { CaseStarted } from './CaseStarted';
import { KnowledgePanel } from './KnowledgePanel';
import { useAreas } from './use-areas';
import { useSubmission } from './use-submission';

interface OrderChoices {
  orderTypes: { code: string; subTypes: string[] }[];
  channels: string[];
  urgencies: string[];
  areaTypes: string[];
}

/** A code named in the chosen language, or the code itself when the catalogue does not know it. */
function labelOf(t: (key: MessageKey) => string, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return key in zhCN ? t(key as MessageKey) : code;
}

export function NewWorkOrderPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const [form] = Form.useForm();
  const [started, setStarted] = useState<string>();
  const choices = useApi<OrderChoices>('/work-orders/types');
  const areas = useAreas(locale);
  const submission = useSubmission(form);
  const orderType = Form.useWatch('orderType', form) as string | undefined;
  const subTypes = choices.data?.orderTypes.find((type) => type.code === orderType)?.subTypes ?? [];
  const defaultArea = areas.defaultFor(user?.groups ?? []);
  useEffect(() => {
    if (defaultArea && !form.getFieldValue('area')) form.setFieldValue('area', defaultArea);
  }, [defaultArea, form, started]);

  const submit = (input: Record<string, unknown>) =>
    submission.submit(async (idempotencyKey) => {
      const body = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== ''));
      const answer = await api<{ orderNo: string }>('/work-orders', {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      });
      setStarted(answer.orderNo);
    });

  function another() {
    form.resetFields();
    setStarted(undefined);
    submission.reset();
  }

  const options = (prefix: string, codes: string[]) =>
    codes.map((code) => ({ value: code, label: labelOf(t, prefix, code) }));
  return (
    <section aria-labelledby="new-order-title">
      <Typography.Title level={1} id="new-order-title" style={{ fontSize: 20 }}>
        {t('intake.order.title')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          {started ? (
            <CaseStarted caseNo={started} notice="work-order-sheet" title="intake.order.created" onAnother={another} />
          ) : (
            <Form
              form={form}
              name="order"
              layout="vertical"
              initialValues={{ channel: 'phone', urgency: 'normal', area: defaultArea }}
              onFinish={(input) => void submit(input as Record<string, unknown>)}
            >
              <Card style={{ marginBottom: 16 }}>
                <Space wrap size="large" align="start">
                  <Form.Item label={t('intake.order.orderType')} name="orderType" rules={[{ required: true }]}>
                    <Select
                      style={{ width: 180 }}
                      onChange={() => form.setFieldValue('subType', undefined)}
                      options={(choices.data?.orderTypes ?? []).map((type) => ({
                        value: type.code,
                        label: businessTypeLabel(type.code, t),
                      }))}
                    />
                  </Form.Item>
                  {subTypes.length > 0 && (
                    <Form.Item label={t('intake.order.subType')} name="subType">
                      <Select style={{ width: 180 }} allowClear options={options('intake.subType', subTypes)} />
                    </Form.Item>
                  )}
                  <Form.Item label={t('intake.order.channel')} name="channel" rules={[{ required: true }]}>
                    <Select style={{ width: 140 }} options={options('intake.channel', choices.data?.channels ?? [])} />
                  </Form.Item>
                  <Form.Item label={t('intake.order.urgency')} name="urgency">
                    <Select style={{ width: 140 }} options={options('intake.urgency', choices.data?.urgencies ?? [])} />
                  </Form.Item>
                </Space>
                <Space wrap size="large" align="start">
                  <Form.Item label={t('intake.order.customerName')} name="customerName" rules={[{ required: true }]}>
                    <Input maxLength={64} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item label={t('intake.order.phone')} name="phone" rules={[{ required: true }]}>
                    <Input maxLength={32} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item label={t('intake.order.accountNo')} name="accountNo">
                    <Input maxLength={32} style={{ width: 200 }} />
                  </Form.Item>
                </Space>
                <Space wrap size="large" align="start">
                  <Form.Item label={t('intake.area')} name="area" rules={[{ required: true }]}>
                    <Select style={{ width: 240 }} options={areas.options} />
                  </Form.Item>
                  <Form.Item label={t('intake.areaType')} name="areaType">
                    <Select
                      style={{ width: 140 }}
                      allowClear
                      options={options('intake.areaType', choices.data?.areaTypes ?? [])}
                    />
                  </Form.Item>
                </Space>
                <Form.Item label={t('intake.order.address')} name="address" rules={[{ required: true }]}>
                  <Input maxLength={255} />
                </Form.Item>
                <Form.Item label={t('intake.order.content')} name="content" rules={[{ required: true }]}>
                  <Input.TextArea maxLength={2000} rows={4} />
                </Form.Item>
                {orderType === 'urging' && (
                  <Form.Item
                    label={t('intake.order.relatedOrderNo')}
                    name="relatedOrderNo"
                    rules={[{ required: true }]}
                  >
                    <Input maxLength={32} style={{ width: 240 }} />
                  </Form.Item>
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
              <Button type="primary" htmlType="submit" loading={submission.busy} data-testid="submit-order">
                {t('intake.order.submit')}
              </Button>
            </Form>
          )}
        </Col>
        <Col xs={24} lg={10}>
          <KnowledgePanel />
        </Col>
      </Row>
    </section>
  );
}
