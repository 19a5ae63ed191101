/**
 * The case's process as it stands (bpmn-js viewer, its bpmn.io watermark kept): steps done in green, open ones in
 * blue, those with an incident in red, and the flows taken drawn heavier. A case with called processes offers each
 * of its instances.
 */
import { useMemo, useState } from 'react';
import { Alert, Select, Space, Typography } from 'antd';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { BpmnFigure, stateMarkers } from '../monitor/BpmnFigure';

interface Diagram {
  processInstanceKey: string;
  instances: {
    processInstanceKey: string;
    processDefinitionId: string;
    processDefinitionName: string | null;
    state: string;
  }[];
  xml: string;
  active: string[];
  completed: string[];
  incidents: string[];
  takenFlows: string[];
}

export function CaseDiagram({ businessKey }: { businessKey: string }) {
  const { t, apiText } = useI18n();
  const [instance, setInstance] = useState<string>();
  const diagram = useApi<Diagram>(
    `/cases/${businessKey}/diagram${instance ? `?instance=${encodeURIComponent(instance)}` : ''}`,
  );
  const data = diagram.data;
  const markers = useMemo(() => (data ? stateMarkers(data) : {}), [data]);

  if (diagram.error)
    return <Alert type="error" showIcon title={t('common.loadFailed', { message: apiText(diagram.error.message) })} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {diagram.data && diagram.data.instances.length > 1 && (
        <Select
          aria-label={t('diagram.instance')}
          value={diagram.data.processInstanceKey}
          onChange={setInstance}
          style={{ minWidth: 280 }}
          options={diagram.data.instances.map((item) => ({
            value: item.processInstanceKey,
            label: `${item.processDefinitionName ?? item.processDefinitionId} · ${t(item.state === 'ACTIVE' ? 'diagram.running' : 'diagram.ended')}`,
          }))}
        />
      )}
      {data && (
        <BpmnFigure
          xml={data.xml}
          markers={markers}
          testId="case-diagram"
          label={t('diagram.label', { caseNo: businessKey })}
        />
      )}
      <Typography.Text type="secondary">{t('diagram.legend')}</Typography.Text>
    </Space>
  );
}
