/**
 * Administrators: the organisation's units (`/units?tab=units`), added and edited — name, level, parent unit and
 * the areas served — and the roles (`/units?tab=roles`), read-only: a role's code is a candidate group of the
 * process models' user tasks, so roles come with the models; people get them under 用户管理.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Select, Table, Tabs, Tag, Typography } from 'antd';
import { api } from '../api/http';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { Data } from '../i18n/Data';
import { useUrlQuery } from '../shell/use-url-query';
import { FormModal } from './FormModal';
import { LoadFailed } from '../shell/LoadFailed';

const UNIT_LEVELS = ['national', 'province', 'city', 'unit', 'crew'] as const;

interface Unit {
  code: string;
  name: string;
  level: (typeof UNIT_LEVELS)[number];
  parentCode: string | null;
  areas: string[];
}

interface Role {
  code: string;
  name: string;
  nameEn: string;
  permissions: string[];
}

interface Values {
  code?: string;
  name?: string;
  level?: string;
  parentCode?: string | null;
  areas?: string[];
}

export function UnitsPage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const { params, update } = useUrlQuery();
  const tab = params.get('tab') === 'roles' ? 'roles' : 'units';
  const units = useApi<{ items: Unit[] }>('/groups');
  const roles = useApi<{ items: Role[] }>('/roles');
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<Unit | 'new'>();
  const required = [{ required: true, message: t('admin.required') }];

  async function save(values: Values) {
    const body = { ...values, parentCode: values.parentCode ?? null, areas: values.areas ?? [] };
    if (editing === 'new') await api('/groups', { method: 'POST', body });
    else if (editing) {
      const { code: _code, ...changes } = body;
      await api(`/groups/${encodeURIComponent(editing.code)}`, { method: 'PATCH', body: changes });
    }
    void message.success(t('admin.saved'));
    await units.reload();
  }

  const unitsTable = (
    <>
      <Button type="primary" data-testid="unit-new" onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
        {t('admin.units.new')}
      </Button>
      <Table<Unit>
        rowKey="code"
        size="small"
        loading={units.loading}
        dataSource={units.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('admin.units.code'), dataIndex: 'code' },
          { title: t('admin.units.name'), render: (_, unit) => <Data>{unit.name}</Data> },
          { title: t('admin.units.level'), render: (_, unit) => t(`unitLevel.${unit.level}`) },
          { title: t('admin.units.parent'), render: (_, unit) => unit.parentCode },
          { title: t('admin.units.areas'), render: (_, unit) => unit.areas.map((a) => <Tag key={a}>{a}</Tag>) },
          {
            title: t('admin.actions'),
            render: (_, unit) => (
              <Button size="small" onClick={() => setEditing(unit)} data-testid={`unit-edit-${unit.code}`}>
                {t('admin.edit')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );

  const rolesTable = (
    <>
      <Alert type="info" showIcon title={t('admin.roles.readOnly')} style={{ marginBottom: 12 }} />
      <Table<Role>
        rowKey="code"
        size="small"
        loading={roles.loading}
        dataSource={roles.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('admin.units.code'), dataIndex: 'code' },
          { title: t('admin.roles.name'), render: (_, role) => <Data>{role.name}</Data> },
          { title: t('admin.roles.nameEn'), dataIndex: 'nameEn' },
          {
            title: t('admin.roles.permissions'),
            render: (_, role) => role.permissions.map((p) => <Tag key={p}>{p}</Tag>),
          },
        ]}
      />
    </>
  );

  return (
    <section aria-labelledby="units-title">
      <Typography.Title level={1} id="units-title" style={{ fontSize: 20 }}>
        {t('admin.units.title')}
      </Typography.Title>
      <LoadFailed error={units.error ?? roles.error} />
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key })}
        items={[
          { key: 'units', label: t('admin.units.tab.units'), children: unitsTable },
          { key: 'roles', label: t('admin.units.tab.roles'), children: rolesTable },
        ]}
      />
      {editing && (
        <FormModal<Values>
          title={editing === 'new' ? t('admin.units.new') : t('admin.units.editTitle', { code: editing.code })}
          testId="unit-form"
          form={form}
          initialValues={editing === 'new' ? { areas: [] } : editing}
          onClose={() => setEditing(undefined)}
          save={save}
        >
          <Form.Item name="code" label={t('admin.units.code')} rules={required} extra={t('admin.units.codeHint')}>
            <Input disabled={editing !== 'new'} data-testid="unit-code" />
          </Form.Item>
          <Form.Item name="name" label={t('admin.units.name')} rules={required}>
            <Input data-testid="unit-name" />
          </Form.Item>
          <Form.Item name="level" label={t('admin.units.level')} rules={required}>
            <Select options={UNIT_LEVELS.map((level) => ({ value: level, label: t(`unitLevel.${level}`) }))} />
          </Form.Item>
          <Form.Item name="parentCode" label={t('admin.units.parent')}>
            <Select
              allowClear
              showSearch
              options={(units.data?.items ?? []).map((unit) => ({ value: unit.code, label: unit.code }))}
            />
          </Form.Item>
          <Form.Item name="areas" label={t('admin.units.areas')} extra={t('admin.units.areasHint')}>
            <Select mode="tags" tokenSeparators={[',', ' ']} />
          </Form.Item>
        </FormModal>
      )}
    </section>
  );
}
