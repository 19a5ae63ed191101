/**
 * The tasklist's saved views: open one (its filters and order become the URL), save the current list under a name
 * (private, or shared with one of the user's roles or groups), copy a view's link, delete one's own. A link
 * `/tasks?view=<id>` opens a view shared with the user.
 */
import { useEffect, useState } from 'react';
import { App as AntApp, Button, Form, Input, Modal, Select, Space } from 'antd';
import { DeleteOutlined, LinkOutlined, SaveOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/http';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import { useDirectory } from '../shell/directory';

export interface SavedView {
  id: number;
  name: string;
  query: string;
  owner: string;
  sharedWith: string | null;
  mine: boolean;
}

const PRIVATE = '';

export function SavedViews({ current, onOpen }: { current: URLSearchParams; onOpen(query: string): void }) {
  const { t, apiText, locale } = useI18n();
  const { user } = useSession();
  // Roles and units shown by their names, as in the header, not by their codes.
  const directory = useDirectory(Boolean(user));
  const { message } = AntApp.useApp();
  const views = useApi<{ items: SavedView[] }>('/views?list=tasks');
  const [chosen, setChosen] = useState<number>();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string; sharedWith: string }>();
  const selected = views.data?.items.find((view) => view.id === chosen);

  useEffect(() => {
    if (saving) form.setFieldsValue({ name: '', sharedWith: PRIVATE });
  }, [saving, form]);

  async function save(values: { name: string; sharedWith: string }) {
    const query = new URLSearchParams(current);
    query.delete('page');
    try {
      const view = await api<SavedView>('/views', {
        method: 'POST',
        body: { name: values.name, list: 'tasks', query: query.toString(), sharedWith: values.sharedWith || null },
      });
      void message.success(t('views.saved', { name: view.name }));
      setSaving(false);
      await views.reload();
      setChosen(view.id);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      void message.error(apiText(error.message));
    }
  }

  async function remove(view: SavedView) {
    try {
      await api(`/views/${view.id}`, { method: 'DELETE' });
      setChosen(undefined);
      await views.reload();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      void message.error(apiText(error.message));
    }
  }

  const link = (view: SavedView) => `${window.location.origin}/tasks?view=${view.id}`;
  const shareOptions = [
    { value: PRIVATE, label: t('views.private') },
    ...(user?.roles ?? []).map((role) => ({
      value: role,
      label: t('views.sharedRole', { name: directory.roleName(role, locale) }),
    })),
    ...(user?.groups ?? []).map((group) => ({
      value: group,
      label: t('views.sharedGroup', { name: directory.groupName(group, locale) }),
    })),
  ];

  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="saved-views">
      <Select
        aria-label={t('views.choose')}
        placeholder={t('views.choose')}
        style={{ minWidth: 220 }}
        value={chosen}
        allowClear
        onClear={() => setChosen(undefined)}
        onChange={(id: number) => {
          setChosen(id);
          const view = views.data?.items.find((item) => item.id === id);
          if (view) onOpen(view.query);
        }}
        options={(views.data?.items ?? []).map((view) => ({
          value: view.id,
          label: view.mine ? view.name : t('views.fromOwner', { name: view.name, owner: view.owner }),
        }))}
      />
      <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} data-testid="save-view">
        {t('views.save')}
      </Button>
      {selected && (
        <Button
          icon={<LinkOutlined />}
          onClick={() =>
            void navigator.clipboard?.writeText(link(selected)).then(() => message.success(t('views.linkCopied')))
          }
          data-testid="view-link"
          data-link={link(selected)}
        >
          {t('views.copyLink')}
        </Button>
      )}
      {selected?.mine && (
        <Button icon={<DeleteOutlined />} danger onClick={() => void remove(selected)}>
          {t('views.delete')}
        </Button>
      )}
      <Modal
        open={saving}
        title={t('views.save')}
        okText={t('views.saveOk')}
        cancelText={t('views.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setSaving(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
          <Form.Item
            name="name"
            label={t('views.name')}
            rules={[{ required: true, whitespace: true, message: t('views.nameRequired') }, { max: 64 }]}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="sharedWith" label={t('views.share')}>
            <Select options={shareOptions} aria-label={t('views.share')} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** Opens the view a link names (`?view=<id>`): its query replaces the URL's. */
export function useViewLink(params: URLSearchParams, replace: (query: string) => void): string | undefined {
  const { apiText } = useI18n();
  const id = params.get('view');
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    if (!id) return;
    api<SavedView>(`/views/${encodeURIComponent(id)}`)
      .then((view) => replace(view.query))
      .catch((error: unknown) => setProblem(error instanceof ApiError ? apiText(error.message) : String(error)));
  }, [id, replace, apiText]);
  return problem;
}
