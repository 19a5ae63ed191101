/**
 * Administrators: users with their roles and units — create, edit, deactivate and reactivate, reset the password.
 * A new or reset password is a temporary one shown here once, to hand to the user; the API checks it against the
 * password policy and answers bad input field by field, which the forms show on their fields.
 */
import { useState, type ReactNode } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { api } from '../api/http';
import { useApi } from '../api/useApi';
import { useUrlQuery } from '../shell/use-url-query';
import { QueryFilters } from './QueryFilters';
import { ServerPagedTable } from './ServerPagedTable';
import { useI18n } from '../i18n/I18nProvider';
import { Data } from '../i18n/Data';
import { useDirectory } from '../shell/directory';
import { FormModal } from './FormModal';
import { temporaryPassword } from './temporary-password';
import { TAG_COLOURS } from './tag-colours';

interface User {
  id: number;
  login: string;
  name: string;
  phone: string | null;
  active: boolean;
  roles: string[];
  groups: string[];
}

interface Values {
  login?: string;
  name?: string;
  password?: string;
  phone?: string;
  roles?: string[];
  groups?: string[];
}

type Editing = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User };

export function UsersPage() {
  const { t, locale, apiText } = useI18n();
  const { message } = AntApp.useApp();
  const { picked } = useUrlQuery();
  const query = picked(['q', 'role', 'unit', 'active']);
  // Bumped after a change, so the page shown is read again.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  const roles = useApi<{ items: { code: string }[] }>('/roles');
  const units = useApi<{ items: { code: string }[] }>('/groups');
  const directory = useDirectory(true);
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<Editing>();
  const [handOver, setHandOver] = useState<{ login: string; password: string }>();
  const [problem, setProblem] = useState<string>();

  const roleOptions = (roles.data?.items ?? []).map((r) => ({
    value: r.code,
    label: directory.roleName(r.code, locale),
  }));
  const unitOptions = (units.data?.items ?? []).map((g) => ({
    value: g.code,
    label: directory.groupName(g.code, locale),
  }));
  const required = [{ required: true, message: t('admin.required') }];

  async function save(values: Values) {
    if (editing?.kind === 'create') {
      await api('/users', { method: 'POST', body: { ...values, phone: values.phone || undefined } });
      setHandOver({ login: values.login!, password: values.password! });
    } else if (editing?.kind === 'edit') {
      const { name, phone, roles: userRoles, groups } = values;
      await api(`/users/${editing.user.id}`, {
        method: 'PATCH',
        body: { name, phone: phone || null, roles: userRoles, groups },
      });
      void message.success(t('admin.saved'));
    } else if (editing?.kind === 'password') {
      await api(`/users/${editing.user.id}/reset-password`, { method: 'POST', body: { password: values.password } });
      setHandOver({ login: editing.user.login, password: values.password! });
    }
    changed();
  }

  async function setActive(user: User, active: boolean) {
    setProblem(undefined);
    try {
      await api(`/users/${user.id}/${active ? 'reactivate' : 'deactivate'}`, { method: 'POST' });
      void message.success(t('admin.saved'));
      changed();
    } catch (error) {
      setProblem(apiText((error as Error).message));
    }
  }

  const passwordField = (
    <Form.Item label={t('admin.users.password')} required extra={t('admin.users.passwordHint')}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name="password" noStyle rules={required}>
          <Input id="user-password" aria-label={t('admin.users.password')} data-testid="user-password" />
        </Form.Item>
        <Button onClick={() => form.setFieldValue('password', temporaryPassword())}>{t('admin.users.generate')}</Button>
      </Space.Compact>
    </Form.Item>
  );

  /** Name, phone, roles and units, as both the new-user and the edit form ask them (`extra` after the name). */
  const profileFields = (extra?: ReactNode) => (
    <>
      <Form.Item name="name" label={t('users.name')} rules={required}>
        <Input data-testid="user-form-name" />
      </Form.Item>
      {extra}
      <Form.Item name="phone" label={t('admin.users.phone')}>
        <Input />
      </Form.Item>
      <Form.Item name="roles" label={t('users.roles')}>
        <Select mode="multiple" options={roleOptions} optionFilterProp="label" data-testid="user-roles" />
      </Form.Item>
      <Form.Item name="groups" label={t('users.groups')}>
        <Select mode="multiple" options={unitOptions} optionFilterProp="label" data-testid="user-groups" />
      </Form.Item>
    </>
  );

  return (
    <section aria-labelledby="users-title">
      <Typography.Title level={1} id="users-title" style={{ fontSize: 20 }}>
        {t('users.title')}
      </Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" data-testid="user-new" onClick={() => setEditing({ kind: 'create' })}>
          {t('admin.users.new')}
        </Button>
      </Space>
      {handOver && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setHandOver(undefined)}
          data-testid="password-hand-over"
          title={t('admin.users.handOver', { login: handOver.login })}
          description={
            <Typography.Text code copyable data-i18n="data" data-testid="temporary-password">
              {handOver.password}
            </Typography.Text>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      <QueryFilters
        testId="user-filters"
        fields={[
          {
            name: 'q',
            label: t('admin.users.search'),
            control: <Input id="filter-q" allowClear placeholder={t('admin.users.searchHint')} />,
          },
          {
            name: 'role',
            label: t('users.roles'),
            control: <Select id="filter-role" allowClear style={{ width: 160 }} options={roleOptions} />,
          },
          {
            name: 'unit',
            label: t('users.groups'),
            control: <Select id="filter-unit" allowClear style={{ width: 200 }} options={unitOptions} />,
          },
          {
            name: 'active',
            label: t('users.active'),
            control: (
              <Select
                id="filter-active"
                allowClear
                style={{ width: 100 }}
                options={[
                  { value: 'true', label: t('admin.users.active') },
                  { value: 'false', label: t('admin.users.inactive') },
                ]}
              />
            ),
          },
        ]}
      />
      <ServerPagedTable<User>
        path="/users"
        query={query}
        sizeParameter="size"
        refresh={changes}
        rowKey="id"
        data-testid="user-table"
        columns={[
          { title: t('users.login'), dataIndex: 'login' },
          { title: t('users.name'), dataIndex: 'name', render: (name: string) => <Data>{name}</Data> },
          {
            title: t('users.roles'),
            render: (_, user) => user.roles.map((role) => <Tag key={role}>{directory.roleName(role, locale)}</Tag>),
          },
          {
            title: t('users.groups'),
            render: (_, user) => <Data>{user.groups.map((g) => directory.groupName(g, locale)).join('、')}</Data>,
          },
          {
            title: t('users.active'),
            render: (_, user) =>
              user.active ? (
                <Tag color={TAG_COLOURS.good}>{t('admin.users.active')}</Tag>
              ) : (
                <Tag>{t('admin.users.inactive')}</Tag>
              ),
          },
          {
            title: t('admin.actions'),
            render: (_, user) => (
              <Space size="small" wrap>
                <Button
                  size="small"
                  onClick={() => setEditing({ kind: 'edit', user })}
                  data-testid={`user-edit-${user.login}`}
                >
                  {t('admin.edit')}
                </Button>
                <Button size="small" onClick={() => setEditing({ kind: 'password', user })}>
                  {t('admin.users.resetPassword')}
                </Button>
                {user.active ? (
                  <Popconfirm
                    title={t('admin.users.deactivateConfirm', { login: user.login })}
                    okText={t('admin.users.deactivate')}
                    cancelText={t('admin.cancel')}
                    onConfirm={() => setActive(user, false)}
                  >
                    <Button size="small">{t('admin.users.deactivate')}</Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" onClick={() => void setActive(user, true)}>
                    {t('admin.users.reactivate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing?.kind === 'create' && (
        <FormModal<Values>
          title={t('admin.users.new')}
          testId="user-form"
          form={form}
          initialValues={{ roles: [], groups: [], password: temporaryPassword() }}
          onClose={() => setEditing(undefined)}
          save={save}
        >
          <Form.Item name="login" label={t('users.login')} rules={required}>
            <Input data-testid="user-form-login" />
          </Form.Item>
          {profileFields(passwordField)}
        </FormModal>
      )}
      {editing?.kind === 'edit' && (
        <FormModal<Values>
          title={t('admin.users.editTitle', { login: editing.user.login })}
          testId="user-form"
          form={form}
          initialValues={{ ...editing.user, phone: editing.user.phone ?? undefined }}
          onClose={() => setEditing(undefined)}
          save={save}
        >
          {profileFields()}
        </FormModal>
      )}
      {editing?.kind === 'password' && (
        <FormModal<Values>
          title={t('admin.users.resetTitle', { login: editing.user.login })}
          testId="password-form"
          form={form}
          initialValues={{ password: temporaryPassword() }}
          onClose={() => setEditing(undefined)}
          save={save}
        >
          {passwordField}
        </FormModal>
      )}
    </section>
  );
}
