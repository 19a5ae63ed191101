/**
 * The BPMN modeler: bpmn-js with the Zeebe properties panel, Camunda 8 modeling behaviours and the job types'
 * element templates, in the chosen language (bpmn.io watermark kept). Beside the panel, a service task picks its
 * job type by name from the templates, and a user task its candidate groups and form from the real ones. The
 * check's problems are marked on the canvas.
 */
import { useEffect, useRef, useState } from 'react';
import { Form, Select, Typography } from 'antd';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import { useApi } from '../api/useApi';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { setZeebeExtension, zeebeExtension, type DiagramElement } from './bpmn-extensions';
import { translateModule } from './bpmn-translations';
import type { Problem } from './ProblemList';

export interface ElementTemplate {
  id: string;
  name: string;
  description: string;
}

interface Props {
  xml: string;
  problems: Problem[];
  onChange(xml: string): void;
  /** The element the user asked to see (a problem clicked in the list). */
  focus?: string;
}

interface Overlays {
  add(id: string, type: string, overlay: object): void;
  remove(filter: { type: string }): void;
}

export function BpmnEditor({ xml, problems, onChange, focus }: Props) {
  const { t, locale } = useI18n();
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const [modeler, setModeler] = useState<BpmnModeler>();
  const [selected, setSelected] = useState<DiagramElement>();
  const [, setChanges] = useState(0);
  const templates = useApi<{ items: (ElementTemplate & object)[] }>('/models/element-templates');
  const roles = useApi<{ items: { code: string; name: string; nameEn?: string }[] }>('/roles');
  const models = useApi<{ items: { kind: string; defines: { id: string }[] }[] }>('/models');
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // The modeler is made again when the language changes: it then opens what was last edited.
  const xmlRef = useRef(xml);

  useEffect(() => {
    if (!canvasRef.current || !panelRef.current || !templates.data) return;
    const instance = new BpmnModeler({
      container: canvasRef.current,
      propertiesPanel: { parent: panelRef.current },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        ZeebePropertiesProviderModule,
        CloudElementTemplatesPropertiesProviderModule,
        ZeebeBehaviorsModule,
        translateModule(locale),
      ],
      moddleExtensions: { zeebe: zeebeModdle },
      elementTemplates: templates.data.items,
    });
    void instance.importXML(xmlRef.current).then(() => {
      instance.get<{ zoom(to: string): void }>('canvas').zoom('fit-viewport');
      setModeler(instance);
    });
    instance.on('commandStack.changed', async () => {
      const { xml: changed } = await instance.saveXML({ format: true });
      if (!changed) return;
      xmlRef.current = changed;
      onChangeRef.current(changed);
    });
    instance.on('selection.changed', (event: { newSelection: DiagramElement[] }) =>
      setSelected(event.newSelection.length === 1 ? event.newSelection[0] : undefined),
    );
    // The element object stays the same when its properties change: a counter makes the pickers read it again.
    instance.on('element.changed', () => setChanges((count) => count + 1));
    return () => instance.destroy();
  }, [templates.data, locale]);

  useEffect(() => {
    if (!modeler) return;
    const overlays = modeler.get<Overlays>('overlays');
    const registry = modeler.get<{ get(id: string): unknown }>('elementRegistry');
    overlays.remove({ type: 'lint' });
    const counts = new Map<string, number>();
    for (const problem of problems)
      if (problem.elementId && registry.get(problem.elementId))
        counts.set(problem.elementId, (counts.get(problem.elementId) ?? 0) + 1);
    for (const [id, count] of counts) {
      const badge = document.createElement('div');
      badge.className = 'lint-badge';
      badge.textContent = String(count);
      badge.title = t('modeler.problemsOnElement', { n: count });
      overlays.add(id, 'lint', { position: { top: -10, right: 10 }, html: badge });
    }
  }, [modeler, problems, t]);

  useEffect(() => {
    const element = focus && modeler?.get<{ get(id: string): unknown }>('elementRegistry').get(focus);
    if (element) modeler!.get<{ select(element: unknown): void }>('selection').select(element);
  }, [focus, modeler]);

  const jobType = selected && (zeebeExtension(selected, 'zeebe:TaskDefinition')?.type as string | undefined);
  const groups = selected && (zeebeExtension(selected, 'zeebe:AssignmentDefinition')?.candidateGroups as string);
  const formId = selected && (zeebeExtension(selected, 'zeebe:FormDefinition')?.formId as string | undefined);
  const forms = (models.data?.items ?? []).filter((item) => item.kind === 'form').flatMap((item) => item.defines);

  return (
    <div className="bpmn-editor">
      {/* The diagram and the panel show the model's own names (data the analyst edits); their labels are bpmn-js's
          English, or Chinese from bpmn-translations.ts. */}
      <div className="bpmn-editor-canvas" ref={canvasRef} data-testid="bpmn-canvas" data-i18n="data" />
      <aside className="bpmn-editor-side" aria-label={t('modeler.properties')}>
        {selected?.type === 'bpmn:ServiceTask' && (
          <Form layout="vertical" className="bpmn-editor-pick">
            <Form.Item label={t('modeler.jobTemplate')} htmlFor="pick-template">
              <Select
                id="pick-template"
                showSearch
                optionFilterProp="label"
                value={templates.data?.items.find((template) => template.description === jobType)?.id}
                placeholder={t('modeler.jobTemplatePlaceholder')}
                options={templates.data?.items.map((template) => ({
                  value: template.id,
                  label: template.name,
                  title: template.description,
                }))}
                optionRender={(option) => <Data>{option.label}</Data>}
                labelRender={(option) => <Data>{option.label}</Data>}
                onChange={(id) => {
                  const template = templates.data?.items.find((item) => item.id === id);
                  modeler
                    ?.get<{ applyTemplate(element: unknown, template: unknown): void }>('elementTemplates')
                    .applyTemplate(selected, template);
                }}
              />
            </Form.Item>
            {jobType && (
              <Typography.Text type="secondary">
                {t('modeler.jobType')}: <code>{jobType}</code>
              </Typography.Text>
            )}
          </Form>
        )}
        {selected?.type === 'bpmn:UserTask' && (
          <Form layout="vertical" className="bpmn-editor-pick">
            <Form.Item label={t('modeler.candidateGroups')} htmlFor="pick-groups">
              <Select
                id="pick-groups"
                mode="multiple"
                value={groups ? groups.split(',').map((group) => group.trim()) : []}
                options={roles.data?.items.map((role) => ({
                  value: role.code,
                  label: locale === 'en-US' ? (role.nameEn ?? role.code) : role.name,
                }))}
                onChange={(codes: string[]) =>
                  modeler &&
                  setZeebeExtension(modeler, selected, 'zeebe:AssignmentDefinition', {
                    candidateGroups: codes.join(','),
                  })
                }
              />
            </Form.Item>
            <Form.Item label={t('modeler.form')} htmlFor="pick-form">
              <Select
                id="pick-form"
                showSearch
                value={formId}
                options={forms.map((form) => ({ value: form.id, label: form.id }))}
                onChange={(id: string) =>
                  modeler && setZeebeExtension(modeler, selected, 'zeebe:FormDefinition', { formId: id })
                }
              />
            </Form.Item>
          </Form>
        )}
        <div className="bpmn-editor-panel" ref={panelRef} data-testid="properties-panel" data-i18n="data" />
      </aside>
    </div>
  );
}
