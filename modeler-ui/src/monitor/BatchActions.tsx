/**
 * Cancel (with a reason) or retry the instances chosen in the list, one after the other through the same API as
 * one instance's screen: a progress bar while it runs and each instance's result (done, or the API's reason why
 * not) when it is over.
 */
import { useState } from 'react';
import { Alert, Button, Input, Modal, Progress, Space, Table, Tag } from 'antd';
import { api, ApiError } from '../api/http';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';

type Action = 'cancel' | 'retry';
interface ItemResult {
  key: string;
  ok: boolean;
  message: string | null;
}

export function BatchActions({ keys, onDone }: { keys: string[]; onDone(): void }) {
  const { t, apiText } = useI18n();
  const [action, setAction] = useState<Action>();
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<ItemResult[]>([]);

  async function run(chosen: Action) {
    setRunning(true);
    setResults([]);
    for (const key of keys) {
      let result: ItemResult;
      try {
        await api(`/monitor/instances/${key}/${chosen}`, {
          method: 'POST',
          body: chosen === 'cancel' ? { reason } : {},
        });
        result = { key, ok: true, message: null };
      } catch (failure) {
        result = { key, ok: false, message: failure instanceof ApiError ? failure.message : String(failure) };
      }
      setResults((done) => [...done, result]);
    }
    setRunning(false);
    onDone();
  }

  const close = () => {
    setAction(undefined);
    setResults([]);
    setReason('');
  };
  const finished = results.length === keys.length && !running && results.length > 0;

  return (
    <>
      <Space>
        <Button disabled={keys.length === 0} onClick={() => setAction('retry')} data-testid="batch-retry">
          {t('monitor.batch.retry', { n: keys.length })}
        </Button>
        <Button danger disabled={keys.length === 0} onClick={() => setAction('cancel')} data-testid="batch-cancel">
          {t('monitor.batch.cancel', { n: keys.length })}
        </Button>
      </Space>
      <Modal
        open={action !== undefined}
        title={action ? t(`monitor.batch.${action}Title`, { n: keys.length }) : ''}
        onCancel={running ? undefined : close}
        closable={!running}
        footer={
          finished ? (
            <Button type="primary" onClick={close}>
              {t('monitor.batch.close')}
            </Button>
          ) : (
            <Button
              type="primary"
              danger={action === 'cancel'}
              loading={running}
              disabled={action === 'cancel' && reason.trim().length === 0}
              onClick={() => action && void run(action)}
              data-testid="batch-start"
            >
              {t('monitor.batch.start')}
            </Button>
          )
        }
      >
        {action === 'cancel' && !finished && (
          <Input.TextArea
            aria-label={t('monitor.reason')}
            placeholder={t('monitor.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            disabled={running}
            maxLength={500}
          />
        )}
        {(running || results.length > 0) && (
          <Progress
            percent={Math.round((results.length / keys.length) * 100)}
            aria-label={t('monitor.batch.progress')}
            data-testid="batch-progress"
          />
        )}
        {results.some((result) => !result.ok) && (
          <Alert type="warning" showIcon title={t('monitor.batch.someFailed')} />
        )}
        {results.length > 0 && (
          <Table<ItemResult>
            size="small"
            rowKey="key"
            pagination={false}
            data-testid="batch-results"
            dataSource={results}
            columns={[
              { title: t('monitor.instance.key'), dataIndex: 'key' },
              {
                title: t('monitor.batch.result'),
                key: 'result',
                render: (_, result) =>
                  result.ok ? (
                    <Tag color="#237804">{t('monitor.batch.ok')}</Tag>
                  ) : (
                    <Data>{apiText(result.message ?? '')}</Data>
                  ),
              },
            ]}
          />
        )}
      </Modal>
    </>
  );
}
