/**
 * A case's documents and notices (under a task, beside its summary): the files uploaded to the case, each opened
 * in a new tab and named with the step it was uploaded from; an upload (kind chosen, PDF/PNG/JPEG, the size limit
 * checked by the server), bound to the task's step when shown on an open task; and the notices the case can print,
 * each fetched as a PDF and opened for printing.
 */
import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, List, Select, Space, Typography, Upload } from 'antd';
import { FilePdfOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { apiFetch, ApiError } from '../api/http';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/zh-CN';

interface CaseDocument {
  id: number;
  kind: string;
  fileName: string;
  sizeBytes: number;
  uploadedBy: string;
  stepName: string | null;
  createdAt: string;
}

interface Props {
  businessKey: string;
  /** The open task the card is shown on: uploads are bound to its step. */
  taskKey?: string;
  /** The kind the upload starts with (the first one the step still needs). */
  preferredKind?: string;
  /** Told the kinds the case has files of, whenever the list is (re)loaded. */
  onListed?: (kinds: Set<string>) => void;
}

const kindLabel = (kind: string) => `documentKind.${kind}` as MessageKey;
const noticeLabel = (notice: string) => `notice.${notice}` as MessageKey;

/** Opens a fetched file in a new tab (the API needs the session's token, so a plain link cannot). */
export async function openFile(path: string): Promise<void> {
  const response = await apiFetch(path);
  const url = URL.createObjectURL(await response.blob());
  window.open(url, '_blank', 'noopener');
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function CaseDocuments({ businessKey, taskKey, preferredKind, onListed }: Props) {
  const { t, apiText, dateTime, number } = useI18n();
  const { message } = AntApp.useApp();
  const documents = useApi<{ items: CaseDocument[]; kinds: string[]; maxMegabytes: number }>(
    `/cases/${businessKey}/documents`,
  );
  const notices = useApi<{ notices: string[] }>(`/cases/${businessKey}/notices`);
  const [kind, setKind] = useState<string>(preferredKind ?? 'other');
  useEffect(() => {
    if (preferredKind) setKind(preferredKind);
  }, [preferredKind]);
  const listed = documents.data?.items;
  useEffect(() => {
    if (listed) onListed?.(new Set(listed.map((document) => document.kind)));
  }, [listed, onListed]);
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<string>();

  async function run(label: string, action: () => Promise<void>) {
    setBusy(label);
    setProblem(undefined);
    try {
      await action();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(apiText(error.message));
    } finally {
      setBusy(undefined);
    }
  }

  const upload = (file: File) =>
    run('upload', async () => {
      const form = new FormData();
      form.set('kind', kind);
      if (taskKey) form.set('taskKey', taskKey);
      form.set('file', file, file.name);
      await apiFetch(`/cases/${businessKey}/documents`, { method: 'POST', body: form });
      void message.success(t('documents.uploaded', { name: file.name }));
      await documents.reload();
    });

  return (
    <Card title={t('documents.title')} data-testid="case-documents" style={{ marginTop: 16 }}>
      {problem && <Alert type="error" showIcon role="alert" title={problem} data-testid="documents-problem" />}
      <List
        size="small"
        loading={documents.loading}
        // The list's own empty-text grey is below AA contrast; the secondary text colour of the theme is not.
        locale={{ emptyText: <Typography.Text type="secondary">{t('documents.none')}</Typography.Text> }}
        dataSource={documents.data?.items ?? []}
        renderItem={(document) => (
          <List.Item
            actions={[
              <Button
                key="open"
                type="link"
                icon={<PaperClipOutlined />}
                onClick={() =>
                  void run(`open-${document.id}`, () =>
                    openFile(`/cases/${businessKey}/documents/${document.id}/content`),
                  )
                }
                aria-label={t('documents.open', { name: document.fileName })}
              >
                {t('documents.openShort')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={<span data-i18n="data">{document.fileName}</span>}
              description={
                <>
                  {t('documents.line', {
                    kind: t(kindLabel(document.kind)),
                    size: number(Math.ceil(document.sizeBytes / 1024)),
                    by: document.uploadedBy,
                    at: dateTime(document.createdAt),
                  })}
                  {document.stepName && (
                    <span data-testid="document-step">
                      {' · '}
                      {t('documents.step')}
                      <span data-i18n="data">{document.stepName}</span>
                    </span>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Select
          aria-label={t('documents.kind')}
          value={kind}
          onChange={setKind}
          style={{ minWidth: 200 }}
          options={(documents.data?.kinds ?? []).map((code) => ({ value: code, label: t(kindLabel(code)) }))}
        />
        <Upload
          accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy === 'upload'} data-testid="upload-document">
            {t('documents.upload')}
          </Button>
        </Upload>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('documents.hint', { mb: number(documents.data?.maxMegabytes ?? 0) })}
      </Typography.Paragraph>
      <Typography.Title level={3} style={{ fontSize: 14 }}>
        {t('notices.title')}
      </Typography.Title>
      <Space wrap>
        {(notices.data?.notices ?? []).map((notice) => (
          <Button
            key={notice}
            icon={<FilePdfOutlined />}
            loading={busy === notice}
            data-testid={`print-${notice}`}
            onClick={() => void run(notice, () => openFile(`/cases/${businessKey}/notices/${notice}`))}
          >
            {t(noticeLabel(notice))}
          </Button>
        ))}
      </Space>
    </Card>
  );
}
