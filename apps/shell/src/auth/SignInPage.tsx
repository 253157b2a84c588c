import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { errorMessage, formatWait, HttpError, useDocumentTitle, useLocale, useT } from '@dondoc/ui';
import { login, safeNext, sessionKeys } from '../api.ts';
import { LanguageSwitch } from '../layout/LanguageSwitch.tsx';

/** Tries left from which the page warns before a wrong password locks sign-in for a while. */
const WARN_TRIES = 2;

/** The throttle's outlook the server adds to a refusal (CONTRACT.md, `POST /api/auth/login`). */
interface Refusal {
  retryAfterSeconds?: number;
  triesBeforeDelay?: number;
  nextDelaySeconds?: number;
}

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
  const { locale } = useLocale();
  const wait = (seconds: number) => formatWait(seconds, locale);

  useDocumentTitle(t('signIn.title'));

  const signIn = useMutation({
    mutationFn: ({ username, password }: Credentials) => login(username.trim(), password),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: sessionKeys.all });
      navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: (error) => {
      const refusal = error instanceof HttpError ? ((error.body as { error?: Refusal } | undefined)?.error ?? {}) : {};
      const retryAfter = refusal.retryAfterSeconds ?? 0;
      const tries = refusal.triesBeforeDelay ?? 0;
      if (error instanceof HttpError && error.status === 401) {
        // Says how long a wrong password locks, before the last tries and once it does.
        const next =
          retryAfter > 0
            ? t('signIn.locked', { wait: wait(retryAfter) })
            : tries > 0 && tries <= WARN_TRIES && refusal.nextDelaySeconds
              ? t('signIn.triesLeft', { count: tries, wait: wait(refusal.nextDelaySeconds) })
              : null;
        setFailure(next ? `${t('signIn.wrongCredentials')} ${next}` : t('signIn.wrongCredentials'));
      } else if (error instanceof HttpError && error.status === 429) {
        setFailure(retryAfter > 0 ? t('signIn.locked', { wait: wait(retryAfter) }) : t('signIn.throttled'));
      } else setFailure(errorMessage(error));
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
