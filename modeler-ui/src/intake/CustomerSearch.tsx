/**
 * Finding the customer at the counter: by name, customer number, ID number or phone (GET /customers?q=, the
 * reader's units, numbers masked), then choosing one; the chosen customer is shown with their accounts.
 */
import { useState } from 'react';
import { Alert, Button, Descriptions, Input, Table } from 'antd';
import { api, ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';

export interface CustomerAccount {
  id: number;
  accountNo: string;
  address: string;
  voltage: string;
  capacityKva: number;
  category: string;
  status: string;
}

export interface FoundCustomer {
  id: number;
  customerNo: string;
  kind: string;
  name: string;
  idNumber: string;
  phone: string;
  address: string;
  area: string;
  accounts?: CustomerAccount[];
}

export function CustomerSearch(props: {
  selected?: FoundCustomer;
  onSelect(customer: FoundCustomer | undefined): void;
}) {
  const { t, apiText } = useI18n();
  const [found, setFound] = useState<FoundCustomer[]>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(apiText(error.message));
    } finally {
      setBusy(false);
    }
  }
  const search = (q: string) =>
    run(async () => {
      const answer = await api<{ items: FoundCustomer[] }>(`/customers?${new URLSearchParams({ q: q.trim() })}`);
      setFound(answer.items);
    });
  // The accounts come with the customer's own record.
  const choose = (customer: FoundCustomer) =>
    run(async () => props.onSelect(await api<FoundCustomer>(`/customers/${customer.id}`)));

  if (props.selected)
    return (
      <Descriptions
        size="small"
        bordered
        column={2}
        data-testid="chosen-customer"
        title={t('intake.customer.chosen')}
        extra={<Button onClick={() => props.onSelect(undefined)}>{t('intake.customer.change')}</Button>}
        items={[
          { label: t('intake.customer.name'), children: <span data-i18n="data">{props.selected.name}</span> },
          { label: t('intake.customer.no'), children: props.selected.customerNo },
          { label: t('intake.customer.idNumber'), children: props.selected.idNumber },
          { label: t('intake.customer.phone'), children: props.selected.phone },
          { label: t('intake.customer.address'), children: <span data-i18n="data">{props.selected.address}</span> },
        ]}
      />
    );
  return (
    <div>
      <Input.Search
        id="customer-search"
        aria-label={t('intake.customer.search')}
        placeholder={t('intake.customer.searchHint')}
        enterButton={t('intake.customer.find')}
        loading={busy}
        onSearch={(q) => void search(q)}
        style={{ maxWidth: 480 }}
      />
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 8 }} />}
      {found && (
        <Table<FoundCustomer>
          size="small"
          rowKey="id"
          style={{ marginTop: 8 }}
          data-testid="customer-results"
          pagination={false}
          dataSource={found}
          locale={{ emptyText: t('intake.customer.none') }}
          columns={[
            { title: t('intake.customer.name'), render: (_, c) => <span data-i18n="data">{c.name}</span> },
            { title: t('intake.customer.no'), dataIndex: 'customerNo' },
            { title: t('intake.customer.idNumber'), dataIndex: 'idNumber' },
            { title: t('intake.customer.phone'), dataIndex: 'phone' },
            {
              title: t('intake.customer.choose'),
              render: (_, c) => (
                <Button
                  size="small"
                  onClick={() => void choose(c)}
                  aria-label={t('intake.customer.chooseOne', { name: c.name })}
                >
                  {t('intake.customer.choose')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
