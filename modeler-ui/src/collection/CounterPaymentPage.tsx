/**
 * The cashier's counter (`/collection/counter?account=`): an account's open bills with the days overdue and the
 * penalty accrued to today, its prepayment balance, and a payment taken with an idempotency key; the answer is the
 * receipt number and where the money went (penalty before principal, the oldest bill first, the rest prepaid).
 */
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/http';
import { useApi } from '../api/useApi';
import { TAG_COLOURS } from '../admin/tag-colours';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { useSubmission } from '../intake/use-submission';
import { LoadFailed } from '../shell/LoadFailed';
import { useUrlQuery } from '../shell/use-url-query';
import type { AccountArrears, PaymentAnswer } from './collection-types';

const METHODS = ['cash', 'card', 'wechat', 'alipay', 'cheque'] as const;

export function CounterPaymentPage() {
  const { t, yuan } = useI18n();
  const { params, update } = useUrlQuery();
  const accountNo = params.get('account') ?? '';
  const account = useApi<AccountArrears>(
    accountNo ? `/collection/accounts/${encodeURIComponent(accountNo)}` : undefined,
  );
  const [form] = Form.useForm<{ amountYuan: number; method: string }>();
  const { busy, problem, submit, reset } = useSubmission(form);
  const [receipt, setReceipt] = useState<PaymentAnswer>();

  const pay = (values: { amountYuan: number; method: string }) =>
    submit(async (idempotencyKey) => {
      const answer = await api<PaymentAnswer>('/collection/counter/payments', {
        method: 'POST',
        body: { accountNo, amountFen: Math.round(values.amountYuan * 100), method: values.method },
        headers: { 'Idempotency-Key': idempotencyKey },
      });
      setReceipt(answer);
      reset();
      form.resetFields();
      await account.reload();
    });

  return (
    <section aria-labelledby="counter-title">
      <Typography.Title level={1} id="counter-title" style={{ fontSize: 20 }}>
        {t('collection.counter.title')}
      </Typography.Title>
      <Input.Search
        id="counter-account"
        aria-label={t('collection.accountNo')}
        placeholder={t('collection.accountNo')}
        defaultValue={accountNo}
        enterButton={t('collection.counter.find')}
        style={{ maxWidth: 420, marginBottom: 16 }}
        onSearch={(value) => {
          setReceipt(undefined);
          update({ account: value.trim() });
        }}
      />
      {account.error && <LoadFailed error={account.error} onRetry={account.reload} />}
      {account.data && (
        <Card>
          <Descriptions size="small" column={3} data-testid="account-owed">
            <Descriptions.Item label={t('collection.accountNo')}>{account.data.accountNo}</Descriptions.Item>
            <Descriptions.Item label={t('collection.customer')}>
              <Data>{account.data.customerName ?? ''}</Data>
            </Descriptions.Item>
            <Descriptions.Item label={t('collection.owed')}>{yuan(account.data.owedFen)}</Descriptions.Item>
            <Descriptions.Item label={t('collection.overdue')}>{yuan(account.data.overdueFen)}</Descriptions.Item>
            <Descriptions.Item label={t('collection.penalty')}>{yuan(account.data.penaltyFen)}</Descriptions.Item>
            <Descriptions.Item label={t('collection.prepayment')}>{yuan(account.data.prepaymentFen)}</Descriptions.Item>
            <Descriptions.Item label={t('menu.billingBills')}>
              <Link to={`/billing/bills?${new URLSearchParams({ account: account.data.accountNo })}`}>
                {t('billing.counter.bills')}
              </Link>
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="billId"
            pagination={false}
            dataSource={account.data.bills}
            columns={[
              { title: t('collection.period'), dataIndex: 'period' },
              { title: t('collection.dueDate'), dataIndex: 'dueDate' },
              { title: t('collection.amount'), render: (_, bill) => yuan(bill.amountFen) },
              { title: t('collection.principalLeft'), render: (_, bill) => yuan(bill.principalLeftFen) },
              {
                title: t('collection.overdueDays'),
                render: (_, bill) => (bill.overdue ? <Tag color={TAG_COLOURS.bad}>{bill.overdueDays}</Tag> : '—'),
              },
              { title: t('collection.penalty'), render: (_, bill) => yuan(bill.penaltyLeftFen) },
            ]}
          />
          <Form form={form} layout="inline" onFinish={pay} style={{ marginTop: 16 }} requiredMark={false}>
            <Form.Item
              name="amountYuan"
              label={t('collection.counter.amount')}
              rules={[{ required: true, message: t('collection.counter.amountRequired') }]}
            >
              <InputNumber min={0.01} precision={2} controls={false} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="method" label={t('collection.counter.method')} initialValue="cash">
              <Select
                style={{ width: 140 }}
                options={METHODS.map((method) => ({ value: method, label: t(`collection.method.${method}`) }))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="counter-pay">
              {t('collection.counter.pay')}
            </Button>
          </Form>
          {problem && <Alert type="error" showIcon message={problem} style={{ marginTop: 12 }} />}
          {receipt && (
            <Alert
              type="success"
              showIcon
              style={{ marginTop: 12 }}
              data-testid="counter-receipt"
              message={t('collection.counter.receipt', { receiptNo: receipt.payment.receiptNo })}
              description={receipt.allocations
                .map((row) => `${t(`collection.kind.${row.kind}`)} ${yuan(row.amountFen)}`)
                .join('；')}
            />
          )}
        </Card>
      )}
    </section>
  );
}
