import { useCallback } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorPanel, HttpError, SessionProvider, useT } from '@dondoc/ui';
import { fetchMe, fetchPlugins, logout, sessionKeys } from '../api.ts';
import { registerPluginRemotes } from '../modules/federation.ts';
import { Loading } from '../components/Loading.tsx';
import { ShellLayout } from '../layout/ShellLayout.tsx';
import { signInPath } from '../routes.tsx';

/**
 * Every page but sign-in: `GET /api/auth/me` (401 → `/dang-nhap`), then `GET /api/plugins`
 * (registering the ready modules as federation remotes), then the layout.
 */
export function RequireSession() {
  const t = useT('shell');
  const tc = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const me = useQuery({ queryKey: sessionKeys.me, queryFn: fetchMe, retry: false, staleTime: Infinity });
  const plugins = useQuery({
    queryKey: sessionKeys.plugins,
    queryFn: async () => {
      const list = await fetchPlugins();
      registerPluginRemotes(list);
      return list;
    },
    enabled: me.isSuccess,
    staleTime: Infinity,
  });

  const signOut = useCallback(async () => {
    await logout();
    queryClient.clear();
    navigate(signInPath, { replace: true });
  }, [navigate, queryClient]);

  if (me.isError) {
    if (me.error instanceof HttpError && me.error.status === 401) {
      const next = `${location.pathname}${location.search}${location.hash}`;
      return <Navigate to={next === '/' ? signInPath : `${signInPath}?next=${encodeURIComponent(next)}`} replace />;
    }
    return (
      <main id="main" className="dondoc-center">
        <ErrorPanel headingLevel={1} title={t('session.loadFailed')} error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  if (plugins.isError) {
    if (plugins.error instanceof HttpError && plugins.error.status === 401) return <Navigate to={signInPath} replace />;
    return (
      <main id="main" className="dondoc-center">
        <ErrorPanel headingLevel={1} title={t('session.pluginsFailed')} error={plugins.error} onRetry={() => void plugins.refetch()} />
      </main>
    );
  }
  if (!me.isSuccess || !plugins.isSuccess) {
    return (
      <main id="main">
        <Loading text={tc('common.loading')} />
      </main>
    );
  }
  return (
    <SessionProvider user={me.data} plugins={plugins.data} signOut={signOut}>
      <ShellLayout />
    </SessionProvider>
  );
}
