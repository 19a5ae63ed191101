/**
 * A bank's collection file (`/collection/bank-files`, docs/collection-bank-file.md): the cashier picks the file and
 * the bank, imports it, and lands on its match report (`/collection/bank-files/:id`, a deep link): the rows matched
 * and applied, the bank's declared totals against the file, and each unmatched row with its reason.
 */
import { Alert, Button, Card, Descriptions, Form, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api/http';
import { useApi } from '../api/useApi';
import { TAG_COLOURS } from '../admin/tag-colours';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { LoadFailed } from '../shell/LoadFailed';
import type { BankImportReport } from './collection-types';

function ImportForm() {
  const { t, apiText } = useI18n();
  const navigate = useNavigate();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const send = async ({ bank }: { bank: string }) => {
    if (!file) return setProblem(t('collection.bank.fileRequired'));
    setBusy(true);
    setProblem(undefined);
    try {
      const report = await api<BankImportReport>('/collection/bank-files', {
        method: 'POST',
        body: { bank: bank.trim().toUpperCase(), fileName: file.name, content: await file.text() },
      });
      navigate(`/collection/bank-files/${report.id}`);
    } catch (error) {
      setProblem(error instanceof ApiError ? apiText(error.message) : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card data-testid="bank-file-form">
      <Typography.Paragraph>{t('collection.bank.format')}</Typography.Paragraph>
      <Form layout="inline" onFinish={send} requiredMark={false}>
        <Form.Item
          name="bank"
          label={t('collection.bank.bank')}
          rules={[{ required: true, message: t('collection.bank.bankRequired') }]}
        >
          <Input id="bank-code" placeholder="ICBC" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label={t('collection.bank.file')}>
          <input
            id="bank-file"
            type="file"
            accept=".csv,text/csv"
            aria-label={t('collection.bank.file')}
            onChange={(event) => setFile(event.target.files?.[0])}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="bank-import">
          {t('collection.bank.import')}
        </Button>
      </Form>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginTop: 12 }} />}
    </Card>
  );
}

function Report({ id }: { id: string }) {
  const { t, yuan, dateTime } = useI18n();
  const report = useApi<BankImportReport>(`/collection/bank-files/${encodeURIComponent(id)}`);
  if (report.error) return <LoadFailed error={report.error} onRetry={report.reload} />;
  const data = report.data;
  if (!data) return null;
  return (
    <Card data-testid="bank-report">
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('collection.bank.bank')}>{data.bank}</Descriptions.Item>
        <Descriptions.Item label={t('collection.bank.file')}>
          <Data>{data.fileName}</Data>
        </Descriptions.Item>
        <Descriptions.Item label={t('collection.bank.importedAt')}>{dateTime(data.importedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('collection.bank.declared')}>
          {t('collection.bank.rows', { count: data.declared.count })} · {yuan(data.declared.amountFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('collection.bank.matched')}>
          {t('collection.bank.rows', { count: data.matchedCount })} · {yuan(data.matchedFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('collection.bank.unmatched')}>
          {t('collection.bank.rows', { count: data.unmatchedCount })} · {yuan(data.unmatchedFen)}
        </Descriptions.Item>
      </Descriptions>
      <Tag color={data.totalsAgree ? TAG_COLOURS.good : TAG_COLOURS.bad} data-testid="bank-totals">
        {t(data.totalsAgree ? 'collection.bank.totalsAgree' : 'collection.bank.totalsDiffer')}
      </Tag>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
        {t('collection.bank.unmatchedRows')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="line"
        pagination={false}
        dataSource={data.unmatched}
        columns={[
          { title: t('collection.bank.line'), dataIndex: 'line' },
          { title: t('collection.bank.serial'), render: (_, row) => <Data>{row.serial}</Data> },
          { title: t('collection.accountNo'), render: (_, row) => <Data>{row.accountNo}</Data> },
          { title: t('collection.amount'), render: (_, row) => (row.amountFen === null ? '—' : yuan(row.amountFen)) },
          { title: t('collection.bank.reason'), render: (_, row) => <Data>{row.reason}</Data> },
        ]}
      />
    </Card>
  );
}

export function BankFilePage() {
  const { t } = useI18n();
  const { id } = useParams();
  return (
    <section aria-labelledby="bank-title">
      <Typography.Title level={1} id="bank-title" style={{ fontSize: 20 }}>
        {t('collection.bank.title')}
      </Typography.Title>
      {id ? <Report id={id} /> : <ImportForm />}
    </section>
  );
}
