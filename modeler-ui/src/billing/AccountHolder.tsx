/** The account and its customer at the head of a bill or an account's bills: the phone masked, as everywhere. */
import { Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import type { AccountHolder as Holder } from './billing-types';

export function AccountHolder({ holder, children }: { holder: Holder; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Descriptions size="small" column={3} bordered data-testid="account-holder">
      <Descriptions.Item label={t('billing.bill.account')}>
        <Link to={`/billing/bills?${new URLSearchParams({ account: holder.accountNo })}`}>
          <Data>{holder.accountNo}</Data>
        </Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('billing.bill.customer')}>
        <Data>{holder.customer?.name ?? ''}</Data>
      </Descriptions.Item>
      <Descriptions.Item label={t('billing.bill.phone')}>
        <Data>{holder.customer?.phone ?? ''}</Data>
      </Descriptions.Item>
      <Descriptions.Item label={t('billing.bill.address')} span={3}>
        <Data>{holder.address}</Data>
      </Descriptions.Item>
      {children}
    </Descriptions>
  );
}
