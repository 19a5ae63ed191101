/** Administrators: the users with their roles and units (read-only here; changes go through POST /api/users). */
import { Table, Tag, Typography } from 'antd';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { useDirectory } from '../shell/directory';
import { Data } from '../i18n/Data';

interface User {
  id: number;
  login: string;
  name: string;
  active: boolean;
  roles: string[];
  groups: string[];
}

export function UsersPage() {
  const { t, locale } = useI18n();
  const users = useApi<{ items: User[] }>('/users');
  const directory = useDirectory(true);
  return (
    <section aria-labelledby="users-title">
      <Typography.Title level={1} id="users-title" style={{ fontSize: 20 }}>
        {t('users.title')}
      </Typography.Title>
      <Table<User>
        rowKey="id"
        size="small"
        loading={users.loading}
        dataSource={users.data?.items ?? []}
        columns={[
          { title: t('users.login'), dataIndex: 'login' },
          { title: t('users.name'), dataIndex: 'name', render: (name: string) => <Data>{name}</Data> },
          {
            title: t('users.roles'),
            render: (_, user) => user.roles.map((role) => <Tag key={role}>{directory.roleName(role, locale)}</Tag>),
          },
          {
            title: t('users.groups'),
            render: (_, user) => user.groups.map((g) => directory.groupName(g, locale)).join('、'),
          },
          { title: t('users.active'), render: (_, user) => (user.active ? t('common.yes') : t('common.no')) },
        ]}
      />
    </section>
  );
}
