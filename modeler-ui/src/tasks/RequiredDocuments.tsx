/**
 * The documents the task's step requires (from the model, decision 0034), each ticked when the case has a file of
 * that kind; while one is missing, a note says that Complete waits for it and where to upload it.
 */
import { Alert, Card, List, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/zh-CN';

export interface RequiredDocument {
  kind: string;
  present: boolean;
}

export const REQUIRED_DOCUMENTS_NOTE_ID = 'required-documents-note';

export function RequiredDocuments({ documents }: { documents: RequiredDocument[] }) {
  const { t } = useI18n();
  const kindName = (kind: string) => t(`documentKind.${kind}` as MessageKey);
  const missing = documents.filter((document) => !document.present);
  return (
    <Card size="small" title={t('requiredDocs.title')} data-testid="required-documents" style={{ marginBottom: 12 }}>
      <List
        size="small"
        dataSource={documents}
        renderItem={(document) => (
          <List.Item data-kind={document.kind} data-present={String(document.present)}>
            <span>
              {document.present ? (
                <CheckCircleFilled style={{ color: '#389e0d' }} aria-hidden />
              ) : (
                <CloseCircleFilled style={{ color: '#cf1322' }} aria-hidden />
              )}{' '}
              {kindName(document.kind)}
            </span>
            {/* Dark enough on white for WCAG AA (antd's tag colours are not). */}
            <Typography.Text strong style={{ color: document.present ? '#135200' : '#a8071a' }}>
              {document.present ? t('requiredDocs.present') : t('requiredDocs.missing')}
            </Typography.Text>
          </List.Item>
        )}
      />
      {missing.length > 0 && (
        <Alert
          id={REQUIRED_DOCUMENTS_NOTE_ID}
          type="warning"
          showIcon
          data-testid="required-documents-note"
          title={t('requiredDocs.blocked', {
            kinds: missing.map((document) => kindName(document.kind)).join(t('requiredDocs.separator')),
          })}
        />
      )}
    </Card>
  );
}
