/**
 * A BPMN diagram drawn read-only (bpmn-js viewer, its bpmn.io watermark kept) with markers (a CSS class on
 * elements: done, open, in trouble, flows taken) and small text badges on elements (counts, times). The case's and
 * the monitor's diagrams both draw through here.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert } from 'antd';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { useI18n } from '../i18n/I18nProvider';

/** The overlay type of the badges, so they are removed together when the figures change. */
const BADGE = 'figure-badge';

export interface Badge {
  elementId: string;
  text: string;
  /** Its colour (class badge-<kind>) and test id (badge-<kind>-<element id>): active, overdue, time. */
  kind: string;
  /** Stacked under one another from the element's top right corner. */
  row?: number;
}

interface Props {
  xml: string;
  /** CSS class → the ids of the elements that get it. */
  markers: Record<string, string[]>;
  badges?: Badge[];
  label: string;
  testId: string;
}

type Canvas = {
  zoom(to: string): void;
  addMarker(id: string, marker: string): void;
  removeMarker(id: string, marker: string): void;
};
type Overlays = {
  add(id: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): void;
  remove(filter: { type: string }): void;
};
type Viewer = InstanceType<typeof NavigatedViewer>;

export function BpmnFigure({ xml, markers, badges = [], label, testId }: Props) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [viewer, setViewer] = useState<Viewer>();
  const [drawError, setDrawError] = useState<string>();

  // The diagram is imported once per model; markers and badges are laid over it apart, so a screen that reads its
  // figures again (a running instance) updates them without redrawing the diagram or losing the reader's zoom.
  useEffect(() => {
    if (!container.current) return;
    const created = new NavigatedViewer({ container: container.current });
    let live = true;
    created
      .importXML(xml)
      .then(() => {
        if (!live) return;
        created.get<Canvas>('canvas').zoom('fit-viewport');
        setDrawError(undefined);
        setViewer(created);
      })
      .catch((error: Error) => live && setDrawError(error.message));
    return () => {
      live = false;
      setViewer(undefined);
      created.destroy();
    };
  }, [xml]);

  useEffect(() => {
    if (!viewer) return;
    const canvas = viewer.get<Canvas>('canvas');
    const registry = viewer.get<{ get(id: string): unknown }>('elementRegistry');
    const overlays = viewer.get<Overlays>('overlays');
    const marked: [string, string][] = [];
    for (const [marker, ids] of Object.entries(markers))
      for (const id of ids)
        if (registry.get(id)) {
          canvas.addMarker(id, marker);
          marked.push([id, marker]);
        }
    for (const badge of badges) {
      if (!registry.get(badge.elementId)) continue;
      const html = document.createElement('div');
      html.className = `diagram-badge badge-${badge.kind}`;
      html.dataset.testid = `badge-${badge.kind}-${badge.elementId}`;
      html.textContent = badge.text;
      overlays.add(badge.elementId, BADGE, { position: { top: -12 + (badge.row ?? 0) * 20, right: 12 }, html });
    }
    return () => {
      for (const [id, marker] of marked) canvas.removeMarker(id, marker);
      overlays.remove({ type: BADGE });
    };
  }, [viewer, markers, badges]);

  return (
    <>
      {drawError && <Alert type="error" showIcon title={t('diagram.drawFailed', { message: drawError })} />}
      <div
        ref={container}
        className="case-diagram"
        data-testid={testId}
        // A figure, not an image: the viewer's canvas and the bpmn.io link inside it take the focus.
        role="figure"
        aria-label={label}
      />
    </>
  );
}

/** Where an instance (or a case) stands, as markers: done, flows taken, terminated, active, with an incident. */
export function stateMarkers(state: {
  completed: string[];
  takenFlows: string[];
  active: string[];
  incidents: string[];
  terminated?: string[];
}): Record<string, string[]> {
  return {
    'case-done': state.completed,
    'case-taken': state.takenFlows,
    'case-terminated': state.terminated ?? [],
    'case-active': state.active,
    'case-incident': state.incidents,
  };
}
