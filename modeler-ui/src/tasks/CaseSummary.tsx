/**
 * The case beside a task: the customer, the application's data, its fees (to the fen) and documents for a 业扩
 * case (GET /api/business-expansion/applications/{no}); for other cases what the task's variables tell.
 */
import { Alert, Card, Descriptions, Empty, List, Space, Table, Typography } from 'antd';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { Data } from '../i18n/Data';
import { zhCN, type MessageKey } from '../i18n/zh-CN';
import { businessTypeLabel, codeLabel } from './labels';

interface Application {
  application: {
    applicationNo: string;
    businessType: string;
    address: string;
    voltage: string;
    capacityKva: number;
    category: string;
    state: string;
  };
  customer: { name: string; phone: string | null; address: string };
  documents: { id: number; kind: string; name: string }[];
  fees: { id: number; name: string; amountFen: number }[];
}

const documentKindLabel = (kind: string, t: (key: MessageKey) => string): string =>
  `documentKind.${kind}` in zhCN ? t(`documentKind.${kind}` as MessageKey) : kind;

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

export function CaseSummary({ variables }: { variables: Record<string, unknown> }) {
  const { t, apiText, number, yuan } = useI18n();
  const businessKey = text(variables.businessKey);
  const isApplication = businessKey.startsWith('YK');
  const loaded = useApi<Application>(isApplication ? `/business-expansion/applications/${businessKey}` : undefined);
  if (!isApplication) {
    return (
      <Card title={t('task.summary')} data-testid="case-summary">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('tasks.column.caseNo')}>{businessKey}</Descriptions.Item>
          <Descriptions.Item label={t('task.customer')}>
            <Data>{text(variables.customerName)}</Data>
          </Descriptions.Item>
          <Descriptions.Item label={t('task.customerPhone')}>{text(variables.phone)}</Descriptions.Item>
          <Descriptions.Item label={t('task.address')}>
            <Data>{text(variables.address)}</Data>
          </Descriptions.Item>
          <Descriptions.Item label={t('task.businessType')}>
            {businessTypeLabel(text(variables.orderType ?? variables.changeType) || null, t)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    );
  }
  if (loaded.error)
    return <Alert type="error" showIcon title={t('common.loadFailed', { message: apiText(loaded.error.message) })} />;
  if (!loaded.data) return <Card title={t('task.summary')} loading />;
  const { application, customer, fees, documents } = loaded.data;
  const total = fees.reduce((sum, fee) => sum + fee.amountFen, 0);
  return (
    <Card title={t('task.summary')} data-testid="case-summary">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('tasks.column.caseNo')}>{application.applicationNo}</Descriptions.Item>
        <Descriptions.Item label={t('task.customer')}>
          <Data>{customer.name}</Data>
        </Descriptions.Item>
        <Descriptions.Item label={t('task.customerPhone')}>{customer.phone}</Descriptions.Item>
        <Descriptions.Item label={t('task.address')}>
          <Data>{application.address}</Data>
        </Descriptions.Item>
        <Descriptions.Item label={t('task.businessType')}>
          {businessTypeLabel(application.businessType, t)}
        </Descriptions.Item>
        <Descriptions.Item label={t('task.voltage')}>{application.voltage}</Descriptions.Item>
        <Descriptions.Item label={t('task.capacity')}>
          {t('task.capacityValue', { n: number(application.capacityKva) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('task.category')}>
          {codeLabel('category', application.category, t)}
        </Descriptions.Item>
        <Descriptions.Item label={t('task.state')}>
          <span data-testid="case-state">{codeLabel('applicationState', application.state, t)}</span>
        </Descriptions.Item>
      </Descriptions>
      <h3>{t('task.fees')}</h3>
      {fees.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.feesNone')} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={fees}
          columns={[
            { title: t('task.fees'), dataIndex: 'name' },
            { title: t('task.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => yuan(fen) },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('task.feeTotal')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <span data-testid="fee-total">{yuan(total)}</span>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
      <h3>{t('task.documents')}</h3>
      <List
        size="small"
        dataSource={documents}
        renderItem={(doc) => (
          <List.Item>
            <Space>
              {documentKindLabel(doc.kind, t)}
              {/* The name the clerk gave the paper at the counter. */}
              <Typography.Text type="secondary">
                <Data>{doc.name}</Data>
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
