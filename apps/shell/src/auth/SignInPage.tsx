import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { errorMessage, HttpError, useDocumentTitle, useT } from '@dondoc/ui';
import { login, safeNext, sessionKeys } from '../api.ts';
import { LanguageSwitch } from '../layout/LanguageSwitch.tsx';

interface Credentials {
  username: string;
  password: string;
}

/** `/dang-nhap`: username and password, `POST /api/auth/login`; Enter submits, typed values stay on failure. */
export function SignInPage() {
  const t = useT('shell');
  const tc = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Credentials>();
  const [failure, setFailure] = useState<string | null>(null);

  useDocumentTitle(t('signIn.title'));

  const signIn = useMutation({
    mutationFn: ({ username, password }: Credentials) => login(username.trim(), password),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: sessionKeys.all });
      navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: (error) => {
      if (error instanceof HttpError && error.status === 401) setFailure(t('signIn.wrongCredentials'));
      else if (error instanceof HttpError && error.status === 429) setFailure(t('signIn.throttled'));
      else setFailure(errorMessage(error));
    },
  });

  return (
    <div className="dondoc-signin">
      <header className="dondoc-signin-header">
        <div>
          <div className="dondoc-signin-owner">{tc('portal.owner')}</div>
          <div className="dondoc-signin-portal">{tc('portal.name')}</div>
        </div>
        <LanguageSwitch />
      </header>
      <main id="main" className="dondoc-signin-main">
        <Card className="dondoc-signin-card">
          <Typography.Title level={1} className="dondoc-signin-title">
            {t('signIn.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('signIn.intro')}</Typography.Paragraph>
          {failure ? <Alert type="error" showIcon title={failure} className="dondoc-signin-alert" /> : null}
          <Form<Credentials>
            form={form}
            name="dang-nhap"
            layout="vertical"
            requiredMark={false}
            disabled={signIn.isPending}
            onFinish={(values) => {
              setFailure(null);
              signIn.mutate(values);
            }}
          >
            <Form.Item
              label={t('signIn.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('signIn.usernameRequired') }]}
            >
              <Input autoFocus autoComplete="username" autoCapitalize="none" spellCheck={false} size="large" />
            </Form.Item>
            <Form.Item
              label={t('signIn.password')}
              name="password"
              rules={[{ required: true, message: t('signIn.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={signIn.isPending}>
              {t('signIn.submit')}
            </Button>
          </Form>
        </Card>
      </main>
    </div>
  );
}
