/**
 * The case's process as it stands (bpmn-js viewer, its bpmn.io watermark kept): steps done in green, open ones in
 * blue, those with an incident in red, and the flows taken drawn heavier. A case with called processes offers each
 * of its instances.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Select, Space, Typography } from 'antd';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';

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

const MARKERS: [keyof Diagram, string][] = [
  ['completed', 'case-done'],
  ['takenFlows', 'case-taken'],
  ['active', 'case-active'],
  ['incidents', 'case-incident'],
];

export function CaseDiagram({ businessKey }: { businessKey: string }) {
  const { t, apiText } = useI18n();
  const [instance, setInstance] = useState<string>();
  const diagram = useApi<Diagram>(
    `/cases/${businessKey}/diagram${instance ? `?instance=${encodeURIComponent(instance)}` : ''}`,
  );
  const container = useRef<HTMLDivElement>(null);
  const [drawError, setDrawError] = useState<string>();

  useEffect(() => {
    if (!container.current || !diagram.data) return;
    const viewer = new NavigatedViewer({ container: container.current });
    const data = diagram.data;
    viewer
      .importXML(data.xml)
      .then(() => {
        const canvas = viewer.get<{ zoom(to: string): void; addMarker(id: string, marker: string): void }>('canvas');
        const registry = viewer.get<{ get(id: string): unknown }>('elementRegistry');
        canvas.zoom('fit-viewport');
        for (const [field, marker] of MARKERS)
          for (const id of data[field] as string[]) if (registry.get(id)) canvas.addMarker(id, marker);
        setDrawError(undefined);
      })
      .catch((error: Error) => setDrawError(error.message));
    return () => viewer.destroy();
  }, [diagram.data]);

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
      {drawError && <Alert type="error" showIcon title={t('diagram.drawFailed', { message: drawError })} />}
      <div
        ref={container}
        className="case-diagram"
        data-testid="case-diagram"
        // A figure, not an image: the viewer's canvas and the bpmn.io link inside it take the focus.
        role="figure"
        aria-label={t('diagram.label', { caseNo: businessKey })}
      />
      <Typography.Text type="secondary">{t('diagram.legend')}</Typography.Text>
    </Space>
  );
}
