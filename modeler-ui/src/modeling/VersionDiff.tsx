/**
 * Two versions of a process side by side (bpmn-js viewers, watermark kept): on the older one what was removed is
 * marked red, on the newer what was added green and what changed orange; the lists name each element. Decisions
 * and forms show both contents side by side.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Col, Row, Space, Tag, Typography } from 'antd';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { bpmnChanges, type BpmnChanges } from './bpmn-diff';

function MarkedDiagram({ xml, marks, testId }: { xml: string; marks: [string[], string][]; testId: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const viewer = new NavigatedViewer({ container: container.current });
    void viewer.importXML(xml).then(() => {
      const canvas = viewer.get<{ zoom(to: string): void; addMarker(id: string, marker: string): void }>('canvas');
      const registry = viewer.get<{ get(id: string): unknown }>('elementRegistry');
      canvas.zoom('fit-viewport');
      for (const [ids, marker] of marks) for (const id of ids) if (registry.get(id)) canvas.addMarker(id, marker);
      container.current?.setAttribute('data-ready', 'true');
    });
    return () => viewer.destroy();
  }, [xml, marks]);
  return <div className="diff-diagram" ref={container} data-testid={testId} />;
}

interface Side {
  version: number;
  content: string;
}

export function VersionDiff({ kind, older, newer }: { kind: string; older: Side; newer: Side }) {
  const { t } = useI18n();
  const [changes, setChanges] = useState<BpmnChanges>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    if (kind !== 'bpmn') return;
    bpmnChanges(older.content, newer.content).then(setChanges, (error: Error) => setFailure(error.message));
  }, [kind, older.content, newer.content]);

  if (kind !== 'bpmn')
    return (
      <Row gutter={16}>
        {[older, newer].map((side) => (
          <Col span={12} key={side.version}>
            <Typography.Text strong>{t('modeler.versionN', { version: side.version })}</Typography.Text>
            <pre className="diff-text">
              <Data>{side.content}</Data>
            </pre>
          </Col>
        ))}
      </Row>
    );
  if (failure) return <Alert type="error" showIcon role="alert" title={failure} />;
  if (!changes) return null;
  const list = (ids: string[], colour: string, label: string, testId: string) => (
    <Space wrap data-testid={testId}>
      <Typography.Text>{label}:</Typography.Text>
      {ids.length === 0
        ? '—'
        : ids.map((id) => (
            <Tag color={colour} key={id}>
              <Data>{id}</Data>
            </Tag>
          ))}
    </Space>
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {list(changes.added, 'green', t('modeler.diff.added'), 'diff-added')}
      {list(changes.removed, 'red', t('modeler.diff.removed'), 'diff-removed')}
      {list(changes.changed, 'orange', t('modeler.diff.changed'), 'diff-changed')}
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Text strong>{t('modeler.versionN', { version: older.version })}</Typography.Text>
          <MarkedDiagram xml={older.content} marks={[[changes.removed, 'diff-removed']]} testId="diff-older" />
        </Col>
        <Col span={12}>
          <Typography.Text strong>{t('modeler.versionN', { version: newer.version })}</Typography.Text>
          <MarkedDiagram
            xml={newer.content}
            marks={[
              [changes.added, 'diff-added'],
              [changes.changed, 'diff-changed'],
            ]}
            testId="diff-newer"
          />
        </Col>
      </Row>
    </Space>
  );
}
