/**
 * A bill (`/billing/bills/:id`): the account and customer, period, tariff, due date, state, paid or not and, once
 * overdue, the penalty accrued to today; its line items (kind, quantity, unit price, amount) with their sum, which is
 * the bill's amount, a correction shown as its own line with why; and the payments applied to it.
 */
import { Descriptions, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { useApi } from '../api/useApi';
import { TAG_COLOURS } from '../admin/tag-colours';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { LoadFailed } from '../shell/LoadFailed';
import { AccountHolder } from './AccountHolder';
import { codeLabel } from '../tasks/labels';
import type { BillLine, BillStatement } from './billing-types';

function LineItems({ bill }: { bill: BillStatement }) {
  const { t, yuan, number } = useI18n();
  const sum = bill.lines.reduce((total, line) => total + line.amountFen, 0);
  const kindOf = (line: BillLine) =>
    line.kind === 'correction'
      ? t('billing.bill.correction', { reason: line.correctionReason ?? '' })
      : codeLabel('billing.line', line.kind, t);
  return (
    <Table<BillLine>
      size="small"
      rowKey="seq"
      bordered
      pagination={false}
      data-testid="bill-lines"
      dataSource={bill.lines}
      columns={[
        { title: t('billing.bill.lineKind'), render: (_, line) => kindOf(line) },
        { title: t('billing.bill.lineText'), render: (_, line) => <Data>{line.description}</Data> },
        {
          title: t('billing.bill.quantity'),
          align: 'right',
          render: (_, line) => (line.quantity === null ? '—' : `${number(Number(line.quantity))} ${line.unit ?? ''}`),
        },
        {
          title: t('billing.bill.unitPrice'),
          align: 'right',
          render: (_, line) => (line.unitPrice === null ? '—' : number(Number(line.unitPrice))),
        },
        {
          title: t('billing.bill.lineAmount'),
          align: 'right',
          render: (_, line) => <span data-testid="bill-line-amount">{yuan(line.amountFen)}</span>,
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={4}>
            {t('billing.bill.total')}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong data-testid="bill-lines-total">{yuan(sum)}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

function Payments({ bill }: { bill: BillStatement }) {
  const { t, yuan } = useI18n();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      data-testid="bill-payments"
      locale={{ emptyText: t('billing.bill.noPayments') }}
      dataSource={bill.allocations}
      columns={[
        { title: t('billing.bill.receiptNo'), render: (_, row) => row.payment?.receiptNo ?? '—' },
        { title: t('billing.bill.paidOn'), render: (_, row) => row.payment?.paidOn ?? row.allocatedOn },
        {
          title: t('billing.bill.channel'),
          render: (_, row) => (row.payment ? codeLabel('billing.channel', row.payment.channel, t) : '—'),
        },
        { title: t('billing.bill.allocation'), render: (_, row) => t(`collection.kind.${row.kind}`) },
        { title: t('billing.bill.lineAmount'), align: 'right', render: (_, row) => yuan(row.amountFen) },
      ]}
    />
  );
}

export function BillPage() {
  const { t, yuan } = useI18n();
  const { id = '' } = useParams();
  const found = useApi<BillStatement>(`/billing/bills/${encodeURIComponent(id)}/statement`);
  const bill = found.data;
  return (
    <section aria-labelledby="bill-title">
      <Typography.Title level={1} id="bill-title" style={{ fontSize: 20 }}>
        {t('billing.bill.title')}
      </Typography.Title>
      <LoadFailed error={found.error} onRetry={found.reload} />
      {bill && (
        <>
          <AccountHolder holder={bill}>
            <Descriptions.Item label={t('billing.bill.period')}>{bill.period}</Descriptions.Item>
            <Descriptions.Item label={t('billing.bill.tariff')}>
              {bill.tariff ? codeLabel('billing.tariff', bill.tariff.kind, t) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('billing.bill.dueDate')}>{bill.dueDate}</Descriptions.Item>
            <Descriptions.Item label={t('billing.bill.status')}>
              {codeLabel('billing.bill.status', bill.status, t)}
              {bill.flagReasons.map((reason) => (
                <Tag key={reason.rule} color={TAG_COLOURS.bad} style={{ marginLeft: 8 }}>
                  {codeLabel('billing.flag', reason.rule, t)}
                </Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('billing.bill.amount')}>
              <strong data-testid="bill-amount">{yuan(bill.amountFen)}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('billing.bill.paid')}>
              <Tag color={bill.paid ? TAG_COLOURS.good : TAG_COLOURS.waiting}>
                {t(bill.paid ? 'billing.bill.paidYes' : 'billing.bill.paidNo')}
              </Tag>
              {!bill.paid && bill.status === 'issued' && yuan(bill.principalLeftFen)}
            </Descriptions.Item>
            {bill.overdueDays > 0 && (
              <Descriptions.Item label={t('billing.bill.penalty')}>
                <span data-testid="bill-penalty">
                  {yuan(bill.penaltyFen)} ({t('billing.bill.overdueDays', { days: bill.overdueDays })})
                </span>
              </Descriptions.Item>
            )}
          </AccountHolder>
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
            {t('billing.bill.lines')}
          </Typography.Title>
          <LineItems bill={bill} />
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
            {t('billing.bill.payments')}
          </Typography.Title>
          <Payments bill={bill} />
        </>
      )}
    </section>
  );
}
