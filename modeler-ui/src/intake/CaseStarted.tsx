/**
 * What the counter or the agent sees once a case has started: its new number, a link to the case and the printed
 * notice the customer takes away (受理回执, or the 95598 order sheet).
 */
import { useState } from 'react';
import { Alert, Button, Result, Space, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ApiError } from '../api/http';
import { openFile } from '../cases/CaseDocuments';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/zh-CN';

export function CaseStarted(props: { caseNo: string; notice: string; title: MessageKey; onAnother(): void }) {
  const { t, apiText } = useI18n();
  const [printing, setPrinting] = useState(false);
  const [problem, setProblem] = useState<string>();
  async function print() {
    setPrinting(true);
    setProblem(undefined);
    try {
      await openFile(`/cases/${encodeURIComponent(props.caseNo)}/notices/${props.notice}`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(apiText(error.message));
    } finally {
      setPrinting(false);
    }
  }
  return (
    <Result
      status="success"
      title={t(props.title)}
      subTitle={
        <span role="status">
          {t('intake.newNumber')}{' '}
          <Typography.Text strong copyable data-testid="new-case-no">
            {props.caseNo}
          </Typography.Text>
        </span>
      }
      extra={
        <Space direction="vertical" align="center">
          {problem && <Alert type="error" showIcon role="alert" title={problem} />}
          <Space wrap>
            <Link to={`/my-cases/${encodeURIComponent(props.caseNo)}`} data-testid="open-new-case">
              {t('intake.openCase')}
            </Link>
            <Button
              icon={<FilePdfOutlined />}
              loading={printing}
              onClick={() => void print()}
              data-testid="print-receipt"
            >
              {t(`notice.${props.notice}` as MessageKey)}
            </Button>
            <Button onClick={props.onAnother} data-testid="start-another">
              {t('intake.another')}
            </Button>
          </Space>
        </Space>
      }
    />
  );
}
