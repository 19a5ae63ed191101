/**
 * The form editor (form-js editor) and a preview of the form as edited, filled with sample data the analyst gives
 * (JSON), as the tasklist would show it.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Card, Input, Space } from 'antd';
import { FormEditor as FormJsEditor } from '@bpmn-io/form-js-editor';
import { Form } from '@bpmn-io/form-js';
import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js/dist/assets/properties-panel.css';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  schema: string;
  onChange(schema: string): void;
}

export function FormEditor({ schema, onChange }: Props) {
  const { t } = useI18n();
  const editorRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [current, setCurrent] = useState(schema);
  const [sample, setSample] = useState('{}');
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (!editorRef.current) return;
    const editor = new FormJsEditor({ container: editorRef.current });
    void editor.importSchema(JSON.parse(schema)).catch((error: Error) => setProblem(error.message));
    editor.on('changed', () => {
      const text = JSON.stringify(editor.saveSchema(), null, 2);
      setCurrent(text);
      onChangeRef.current(text);
    });
    return () => editor.destroy();
    // The draft's content is read once: later changes come from this editor itself.
  }, []);

  useEffect(() => {
    if (!previewRef.current) return;
    const preview = new Form({ container: previewRef.current });
    let data: Record<string, unknown> = {};
    try {
      data = JSON.parse(sample) as Record<string, unknown>;
      setProblem(undefined);
    } catch {
      setProblem(t('modeler.test.badJson'));
    }
    void preview.importSchema(JSON.parse(current), data).catch((error: Error) => setProblem(error.message));
    return () => preview.destroy();
  }, [current, sample, t]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <div className="form-editor" ref={editorRef} data-testid="form-editor" />
      <Card size="small" title={t('modeler.preview.title')}>
        <label htmlFor="form-sample">{t('modeler.preview.sample')}</label>
        <Input.TextArea
          id="form-sample"
          className="code-input"
          autoSize={{ minRows: 2, maxRows: 8 }}
          value={sample}
          onChange={(event) => setSample(event.target.value)}
        />
        {problem && <Alert type="warning" showIcon title={problem} />}
        <div ref={previewRef} data-testid="form-preview" />
      </Card>
    </Space>
  );
}
