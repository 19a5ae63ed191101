/**
 * An account's bills (`/billing/bills?account=`): found by the account number (or reached from a bill or the
 * counter), the account and customer, and each bill with its amount, state, due date and whether it is paid.
 */
import { Input, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useApi } from '../api/useApi';
import { TAG_COLOURS } from '../admin/tag-colours';
import { useI18n } from '../i18n/I18nProvider';
import { LoadFailed } from '../shell/LoadFailed';
import { useUrlQuery } from '../shell/use-url-query';
import { AccountHolder } from './AccountHolder';
import { codeLabel } from '../tasks/labels';
import type { AccountBill, AccountHolder as Holder } from './billing-types';

export function AccountBillsPage() {
  const { t, yuan } = useI18n();
  const { params, update } = useUrlQuery();
  const accountNo = params.get('account') ?? '';
  const found = useApi<Holder & { items: AccountBill[] }>(
    accountNo ? `/billing/account-bills?${new URLSearchParams({ accountNo })}` : undefined,
  );
  return (
    <section aria-labelledby="account-bills-title">
      <Typography.Title level={1} id="account-bills-title" style={{ fontSize: 20 }}>
        {t('billing.accountBills.title')}
      </Typography.Title>
      <Input.Search
        key={accountNo}
        aria-label={t('billing.bill.account')}
        placeholder={t('billing.bill.account')}
        defaultValue={accountNo}
        enterButton={t('billing.accountBills.find')}
        style={{ maxWidth: 420, marginBottom: 16 }}
        onSearch={(value) => update({ account: value.trim() })}
      />
      {accountNo && <LoadFailed error={found.error} onRetry={found.reload} />}
      {accountNo && found.data && (
        <>
          <AccountHolder holder={found.data} />
          <Table<AccountBill>
            size="small"
            rowKey="id"
            pagination={false}
            style={{ marginTop: 16 }}
            data-testid="account-bills"
            dataSource={found.data.items}
            columns={[
              {
                title: t('billing.bill.period'),
                render: (_, bill) => <Link to={`/billing/bills/${bill.id}`}>{bill.period}</Link>,
              },
              { title: t('billing.bill.amount'), align: 'right', render: (_, bill) => yuan(bill.amountFen) },
              {
                title: t('billing.bill.status'),
                render: (_, bill) => codeLabel('billing.bill.status', bill.status, t),
              },
              { title: t('billing.bill.dueDate'), dataIndex: 'dueDate' },
              {
                title: t('billing.bill.paid'),
                render: (_, bill) => (
                  <Tag color={bill.paidAt ? TAG_COLOURS.good : TAG_COLOURS.waiting}>
                    {t(bill.paidAt ? 'billing.bill.paidYes' : 'billing.bill.paidNo')}
                  </Tag>
                ),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
