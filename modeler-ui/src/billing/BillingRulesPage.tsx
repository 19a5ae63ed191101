/**
 * Billing rules (`/billing-rules?set=<rule set>`): each rule set with its versions, the one in force today per scope
 * marked, each with its source; the billing supervisor adds a version (its body as JSON, checked by the server
 * against the set's schema, in force today or later). Values are data, shown as written.
 */
import { App as AntApp, Button, DatePicker, Form, Input, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/http';
import { useApi } from '../api/useApi';
import { FormModal } from '../admin/FormModal';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import { LoadFailed } from '../shell/LoadFailed';
import { useUrlQuery } from '../shell/use-url-query';
import { TAG_COLOURS } from '../admin/tag-colours';

interface RuleVersion {
  id: number;
  scope: string;
  effectiveFrom: string;
  body: unknown;
  source: string;
  reason: string | null;
  createdBy: string;
  inForce: boolean;
}

interface RuleSet {
  name: string;
  title: string;
  titleEn: string;
  versions: RuleVersion[];
}

interface Values {
  scope?: string;
  effectiveFrom?: { format(pattern: string): string };
  body?: string;
  source?: string;
  reason?: string;
}

function VersionsTable({ set }: { set: RuleSet }) {
  const { t } = useI18n();
  return (
    <Table<RuleVersion>
      rowKey="id"
      size="small"
      bordered
      data-testid="rule-versions"
      pagination={false}
      dataSource={set.versions}
      columns={[
        { title: t('billing.rules.scope'), dataIndex: 'scope', width: 80 },
        { title: t('billing.rules.effectiveFrom'), dataIndex: 'effectiveFrom', width: 120 },
        {
          title: t('billing.rules.state'),
          width: 100,
          render: (_, version) =>
            version.inForce ? <Tag color={TAG_COLOURS.good}>{t('billing.rules.inForce')}</Tag> : null,
        },
        {
          title: t('billing.rules.body'),
          render: (_, version) => (
            <Data>
              <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
                {JSON.stringify(version.body)}
              </code>
            </Data>
          ),
        },
        { title: t('billing.rules.source'), render: (_, version) => <Data>{version.source}</Data> },
        { title: t('billing.rules.createdBy'), dataIndex: 'createdBy', width: 100 },
      ]}
    />
  );
}

export function BillingRulesPage() {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const { user } = useSession();
  const { params, update } = useUrlQuery();
  const sets = useApi<{ items: RuleSet[] }>('/billing/rule-sets');
  const [form] = Form.useForm<Values>();
  const [adding, setAdding] = useState(false);
  const items = sets.data?.items ?? [];
  const chosen = items.find((set) => set.name === params.get('set')) ?? items[0];
  const mayAdd = Boolean(user?.roles.some((role) => role === 'admin' || role === 'billing-supervisor'));
  const required = [{ required: true, message: t('admin.required') }];

  async function save(values: Values) {
    if (!chosen) return;
    let body: unknown;
    try {
      body = JSON.parse(values.body ?? '');
    } catch {
      form.setFields([{ name: 'body', errors: [t('billing.rules.notJson')] }]);
      throw new Error(t('billing.rules.notJson'));
    }
    await api(`/billing/rule-sets/${encodeURIComponent(chosen.name)}/versions`, {
      method: 'POST',
      body: {
        ...(values.scope ? { scope: values.scope } : {}),
        effectiveFrom: values.effectiveFrom?.format('YYYY-MM-DD'),
        body,
        source: values.source,
        reason: values.reason,
      },
    });
    void message.success(t('admin.saved'));
    await sets.reload();
  }

  const latest = chosen?.versions.find((version) => version.inForce) ?? chosen?.versions[0];
  return (
    <section aria-labelledby="billing-rules-title">
      <Typography.Title level={1} id="billing-rules-title" style={{ fontSize: 20 }}>
        {t('billing.rules.title')}
      </Typography.Title>
      <LoadFailed error={sets.error} />
      {mayAdd && chosen && (
        <Button
          type="primary"
          data-testid="rule-version-new"
          onClick={() => setAdding(true)}
          style={{ marginBottom: 12 }}
        >
          {t('billing.rules.add')}
        </Button>
      )}
      <Tabs
        tabPosition="left"
        activeKey={chosen?.name}
        onChange={(key) => update({ set: key })}
        items={items.map((set) => ({
          key: set.name,
          label: locale === 'en-US' ? set.titleEn : <Data>{set.title}</Data>,
          children: <VersionsTable set={set} />,
        }))}
      />
      {adding && chosen && (
        <FormModal<Values>
          title={t('billing.rules.addTitle', { set: locale === 'en-US' ? chosen.titleEn : chosen.title })}
          testId="rule-version-form"
          form={form}
          initialValues={{ scope: latest?.scope ?? '*', body: JSON.stringify(latest?.body ?? {}, null, 2) }}
          onClose={() => setAdding(false)}
          save={save}
        >
          <Form.Item name="scope" label={t('billing.rules.scope')} extra={t('billing.rules.scopeHint')}>
            <Input data-testid="rule-version-scope" />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t('billing.rules.effectiveFrom')} rules={required}>
            <DatePicker data-testid="rule-version-from" />
          </Form.Item>
          <Form.Item name="body" label={t('billing.rules.body')} rules={required} extra={t('billing.rules.bodyHint')}>
            <Input.TextArea rows={10} style={{ fontFamily: 'monospace' }} data-testid="rule-version-body" />
          </Form.Item>
          <Form.Item name="source" label={t('billing.rules.source')} rules={required}>
            <Input data-testid="rule-version-source" />
          </Form.Item>
          <Form.Item name="reason" label={t('billing.rules.reason')} rules={required}>
            <Input data-testid="rule-version-reason" />
          </Form.Item>
        </FormModal>
      )}
    </section>
  );
}
