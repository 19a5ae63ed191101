/**
 * The frame of every screen after sign-in: the menu the user's roles allow (with the count of open tasks, polled),
 * the user's name, unit and roles, the language switch and sign-out.
 */
import { Badge, Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { LogoutOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import { LanguageSwitch } from './LanguageSwitch';
import { useDirectory } from './directory';
import { visibleMenu } from './menu';

export const TASK_POLL_MS = 5000;

export function AppShell() {
  const { t, locale } = useI18n();
  const { user, signOut } = useSession();
  const location = useLocation();
  const directory = useDirectory(Boolean(user));
  const openTasks = useApi<{ total: number }>(user ? '/tasks?scope=group&size=1' : undefined, {
    pollMs: TASK_POLL_MS,
  });
  if (!user) return null;
  const entries = visibleMenu(user.roles);
  const selected = entries.find((entry) => location.pathname.startsWith(entry.path))?.key;
  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        <Typography.Text className="shell-title" strong>
          {t('app.title')}
        </Typography.Text>
        <Space size="middle" wrap className="shell-user" data-testid="current-user">
          <span data-testid="user-name" data-i18n="data">
            {user.name}
          </span>
          <span>
            {t('shell.unit')}:{' '}
            <span data-i18n="data">{user.groups.map((g) => directory.groupName(g, locale)).join(', ')}</span>
          </span>
          <span>
            {t('shell.roles')}:{' '}
            {user.roles.map((role) => (
              <Tag key={role}>{directory.roleName(role, locale)}</Tag>
            ))}
          </span>
          <LanguageSwitch />
          <Button icon={<LogoutOutlined />} onClick={signOut}>
            {t('shell.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider theme="light" width={200} breakpoint="md" collapsedWidth={0}>
          <nav aria-label={t('shell.menu')}>
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              data-testid="main-menu"
              items={entries.map((entry) => ({
                key: entry.key,
                label: (
                  <Link to={entry.path} data-testid={`menu-${entry.key}`}>
                    {t(entry.label)}
                    {entry.key === 'tasks' && openTasks.data !== undefined && (
                      <Badge
                        count={openTasks.data.total}
                        showZero
                        overflowCount={999}
                        className="menu-count"
                        data-testid="menu-task-count"
                        color="#1d4ed8"
                      />
                    )}
                  </Link>
                ),
              }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="shell-content">
          <main>
            <Suspense
              fallback={
                <div role="status" className="screen-loading">
                  <Spin /> {t('common.loading')}
                </div>
              }
            >
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
