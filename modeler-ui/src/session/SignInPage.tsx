/** The sign-in page: user name and password, the reason the user is here (expired, signed out), then back. */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { useSession } from './SessionProvider';

/** Only paths inside the app are returned to (an open redirect to another site is not followed). */
const safeReturn = (from: string | null): string =>
  from && from.startsWith('/') && !from.startsWith('//') ? from : '/tasks';

export function SignInPage() {
  const { t, apiText } = useI18n();
  const { user, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const target = safeReturn(params.get('from'));
  if (user) return <Navigate to={target} replace />;
  const reason = params.get('reason');

  async function submit(values: { login: string; password: string }) {
    setBusy(true);
    setError(undefined);
    try {
      await signIn(values.login, values.password);
      navigate(target, { replace: true });
    } catch (failure) {
      setError(failure instanceof ApiError ? apiText(failure.message) : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <Card className="sign-in-card">
        <div className="sign-in-head">
          <Typography.Title level={1} className="sign-in-title">
            {t('app.title')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Title level={2} className="sign-in-subtitle">
          {t('signIn.title')}
        </Typography.Title>
        {reason === 'expired' && <Alert type="warning" showIcon title={t('signIn.expired')} role="status" />}
        {reason === 'signedOut' && <Alert type="info" showIcon title={t('signIn.signedOut')} role="status" />}
        {error && <Alert type="error" showIcon title={error} role="alert" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false} className="sign-in-form">
          <Form.Item
            label={t('signIn.login')}
            name="login"
            rules={[{ required: true, message: t('signIn.loginRequired') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('signIn.password')}
            name="password"
            rules={[{ required: true, message: t('signIn.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('signIn.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
