/**
 * One model resource: its draft in the editor for its kind (BPMN, decision table, form), saved as it changes;
 * check, deploy (with a comment), export and import; and its versions with a diff of any two. The tab and the
 * versions compared are in the URL.
 */
import { lazy, Suspense, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Input, Modal, Space, Spin, Tabs, Tag, Typography, Upload } from 'antd';
import { api, ApiError } from '../api/http';
import { useUrlQuery } from '../shell/use-url-query';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { ProblemList, type Problem } from './ProblemList';
import { draftPath, useDraft, type SaveState } from './use-draft';
import { VersionsPanel } from './VersionsPanel';

const BpmnEditor = lazy(async () => ({ default: (await import('./BpmnEditor')).BpmnEditor }));
const DmnEditor = lazy(async () => ({ default: (await import('./DmnEditor')).DmnEditor }));
const FormEditor = lazy(async () => ({ default: (await import('./FormEditor')).FormEditor }));

// Only a state that needs the analyst's attention is coloured (the plain tag keeps its text's contrast).
const SAVE_COLOURS: Record<SaveState, string | undefined> = {
  saved: undefined,
  pending: undefined,
  saving: undefined,
  stale: 'error',
  failed: 'error',
};

function download(name: string, content: string, type: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([content], { type }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

export function ModelEditorPage() {
  const { t, apiText } = useI18n();
  const resource = useParams().resource!;
  const { params, update } = useUrlQuery();
  const tab = params.get('tab') ?? 'editor';
  const draft = useDraft(resource);
  const [problems, setProblems] = useState<Problem[]>();
  const [refused, setRefused] = useState<string>();
  const [deployed, setDeployed] = useState<number>();
  const [focus, setFocus] = useState<string>();
  const [deploying, setDeploying] = useState(false);
  // The deployment is on its way to the engine: the dialog says so and takes no second click.
  const [sending, setSending] = useState(false);
  const [comment, setComment] = useState('');
  const [editorKey, setEditorKey] = useState(0);
  const [failure, setFailure] = useState<string>();
  const fileName = resource.slice(resource.lastIndexOf('/') + 1);

  if (draft.loadError) return <Alert type="error" showIcon role="alert" title={apiText(draft.loadError.message)} />;
  if (!draft.draft) return <Spin />;
  const { kind } = draft.draft;

  const check = async () => {
    const content = draft.currentContent()!;
    const result = await api<{ errors: Problem[]; warnings: Problem[] }>(draftPath(resource, '/check'), {
      method: 'POST',
      body: { content },
    });
    setProblems([...result.errors, ...result.warnings]);
  };

  const deploy = async () => {
    setRefused(undefined);
    setDeployed(undefined);
    setSending(true);
    const revision = await draft.saveNow();
    if (revision === undefined) {
      setSending(false);
      return;
    }
    try {
      const answer = await api<{ version: { version: number } | null }>(draftPath(resource, '/deploy'), {
        method: 'POST',
        body: { comment, revision },
      });
      setDeploying(false);
      setComment('');
      setProblems([]);
      setDeployed(answer.version?.version);
    } catch (error) {
      const failed = error as ApiError;
      setDeploying(false);
      if (failed.code === 'MODEL_HAS_ERRORS') {
        setProblems((failed.details as { errors: Problem[] }).errors);
        setRefused(t('modeler.deployRefused'));
      } else setRefused(apiText(failed.message));
    } finally {
      setSending(false);
    }
  };

  const importFile = async (file: File) => {
    setFailure(undefined);
    try {
      // A draft someone else saved in between is not replaced: the stale notice says who, as for a save.
      const revision = await draft.saveNow();
      if (revision === undefined) return false;
      await api(draftPath(resource, '/import'), { method: 'POST', body: { content: await file.text(), revision } });
      await draft.reload();
      setEditorKey((key) => key + 1);
    } catch (error) {
      setFailure(apiText((error as ApiError).message));
    }
    return false;
  };

  const editorProps = { key: editorKey, problems: problems ?? [], onChange: draft.changed, focus };
  const editor =
    kind === 'bpmn' ? (
      <BpmnEditor xml={draft.draft.content} {...editorProps} />
    ) : kind === 'dmn' ? (
      <DmnEditor resource={resource} xml={draft.draft.content} {...editorProps} />
    ) : (
      <FormEditor schema={draft.draft.content} {...editorProps} />
    );

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          <Data>{fileName}</Data>
        </Typography.Title>
        <Tag color={SAVE_COLOURS[draft.state]} data-testid="save-state" data-state={draft.state}>
          {t(`modeler.save.${draft.state}`)}
        </Tag>
        <Typography.Text type="secondary" data-testid="draft-revision" data-revision={draft.draft.revision}>
          {t('modeler.revision', { n: draft.draft.revision })} · <Data>{draft.draft.savedBy}</Data>
        </Typography.Text>
      </Space>
      {draft.draft.otherEditor && (
        <Alert
          type="warning"
          showIcon
          data-testid="other-editor"
          title={t('modeler.otherEditor', { login: draft.draft.otherEditor.login })}
        />
      )}
      {draft.state === 'stale' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="stale-draft"
          title={t('modeler.staleDraft', { login: draft.staleBy ?? '' })}
          action={
            <Button
              onClick={async () => {
                await draft.reload();
                setEditorKey((key) => key + 1);
              }}
            >
              {t('modeler.reloadDraft')}
            </Button>
          }
        />
      )}
      <Space wrap>
        <Button onClick={() => void check()} data-testid="check-model">
          {t('modeler.check')}
        </Button>
        <Button type="primary" onClick={() => setDeploying(true)} data-testid="deploy-model">
          {t('modeler.deploy')}
        </Button>
        <Button
          onClick={() => download(fileName, draft.currentContent()!, 'application/octet-stream')}
          data-testid="export-model"
        >
          {t('modeler.export')}
        </Button>
        <Upload accept={`.${kind}`} showUploadList={false} beforeUpload={(file) => importFile(file)}>
          <Button data-testid="import-model">{t('modeler.import')}</Button>
        </Upload>
      </Space>
      {refused && <Alert type="error" showIcon role="alert" data-testid="deploy-refused" title={refused} />}
      {failure && <Alert type="error" showIcon role="alert" title={failure} />}
      {deployed !== undefined && (
        <Alert type="success" showIcon data-testid="deployed" title={t('modeler.deployed', { version: deployed })} />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key === 'editor' ? undefined : key })}
        items={[
          {
            key: 'editor',
            label: t('modeler.tab.editor'),
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Suspense fallback={<Spin />}>{editor}</Suspense>
                {problems && <ProblemList problems={problems} onSelect={setFocus} />}
              </Space>
            ),
          },
          {
            key: 'versions',
            label: t('modeler.tab.versions'),
            children: <VersionsPanel resource={resource} kind={kind} />,
          },
        ]}
      />
      <Modal
        open={deploying}
        title={t('modeler.deployTitle')}
        okText={t('modeler.deploy')}
        okButtonProps={{ disabled: comment.trim() === '', ...{ 'data-testid': 'confirm-deploy' } }}
        confirmLoading={sending}
        onOk={() => void deploy()}
        onCancel={() => setDeploying(false)}
      >
        <label htmlFor="deploy-comment">{t('modeler.deployComment')}</label>
        <Input.TextArea id="deploy-comment" value={comment} onChange={(event) => setComment(event.target.value)} />
      </Modal>
    </Space>
  );
}
