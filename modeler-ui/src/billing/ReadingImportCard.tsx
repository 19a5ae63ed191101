/**
 * A reading file (采集 CSV) imported for a run's month: the file is sent as it is (the server streams it to disk and
 * answers at once), then the import's progress is polled and drawn as a bar until it ends; then the rows accepted and
 * each bad line by its number with the reason.
 */
import { Alert, Button, Card, Descriptions, Progress, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/http';
import { useApi } from '../api/useApi';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { LoadFailed } from '../shell/LoadFailed';
import { codeLabel } from '../tasks/labels';
import type { ReadingImport } from './billing-types';

const POLL_MS = 500;

function ImportProgress({ id, onDone }: { id: number; onDone(): void }) {
  const { t, apiText } = useI18n();
  const [running, setRunning] = useState(true);
  const found = useApi<ReadingImport>(`/billing/reading-imports/${id}`, { pollMs: running ? POLL_MS : undefined });
  const data = found.data;
  useEffect(() => {
    if (!running || !data || data.status === 'running') return;
    setRunning(false);
    onDone();
  }, [data, running, onDone]);
  if (found.error) return <LoadFailed error={found.error} onRetry={found.reload} />;
  if (!data) return null;
  const status = data.status === 'running' ? 'active' : data.status === 'done' ? 'success' : 'exception';
  return (
    <div data-testid="import-result" data-status={data.status}>
      <Progress percent={data.percent} status={status} data-testid="import-progress" />
      <Typography.Text>
        {codeLabel('billing.import', data.status, t)} ·{' '}
        {t('billing.import.progress', { done: data.rowsDone, total: data.totalRows })}
      </Typography.Text>
      {data.status !== 'running' && (
        <>
          <Descriptions size="small" column={2} style={{ marginTop: 8 }}>
            <Descriptions.Item label={t('billing.import.saved')}>
              <span data-testid="import-saved">{data.rowsSaved}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('billing.import.bad')}>
              <span data-testid="import-bad">{data.rowsBad}</span>
            </Descriptions.Item>
          </Descriptions>
          {data.errors.length > 0 && (
            <Table
              size="small"
              rowKey="line"
              pagination={false}
              data-testid="import-errors"
              dataSource={data.errors}
              columns={[
                { title: t('billing.import.line'), dataIndex: 'line', width: 100 },
                { title: t('billing.import.reason'), render: (_, row) => <Data>{apiText(row.message)}</Data> },
              ]}
            />
          )}
        </>
      )}
    </div>
  );
}

export function ReadingImportCard({ period, onImported }: { period: string; onImported(): void }) {
  const { t, apiText } = useI18n();
  const [file, setFile] = useState<File>();
  const [importId, setImportId] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const send = async () => {
    if (!file) return setProblem(t('billing.import.fileRequired'));
    setBusy(true);
    setProblem(undefined);
    setImportId(undefined);
    try {
      const query = new URLSearchParams({ period, fileName: file.name });
      const csv = new Blob([file], { type: 'text/csv' });
      const started = await api<{ id: number }>(`/billing/reading-imports?${query}`, { method: 'POST', body: csv });
      setImportId(started.id);
    } catch (error) {
      setProblem(error instanceof ApiError ? apiText(error.message) : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('billing.import.title')} data-testid="reading-import">
      <Typography.Paragraph>{t('billing.import.format')}</Typography.Paragraph>
      <input
        id="reading-file"
        type="file"
        accept=".csv,text/csv"
        aria-label={t('billing.import.file')}
        onChange={(event) => setFile(event.target.files?.[0])}
      />
      <Button type="primary" onClick={() => void send()} loading={busy} data-testid="reading-import-button">
        {t('billing.import.upload')}
      </Button>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginTop: 12 }} />}
      {importId !== undefined && (
        <div style={{ marginTop: 12 }}>
          <ImportProgress key={importId} id={importId} onDone={onImported} />
        </div>
      )}
    </Card>
  );
}
