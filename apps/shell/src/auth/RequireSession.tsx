import { useCallback } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorPanel, HttpError, SessionProvider, useT } from '@dondoc/ui';
import { fetchMe, fetchPlugins, logout, sessionKeys } from '../api.ts';
import { moduleIdOf, prefetchPluginUI, preloadPluginFiles, registerPluginRemotes } from '../modules/federation.ts';
import { Loading } from '../components/Loading.tsx';
import { ShellLayout } from '../layout/ShellLayout.tsx';
import { signInPath } from '../routes.tsx';

/**
 * Every page but sign-in: `GET /api/auth/me` (401 → `/dang-nhap`) and `GET /api/plugins`
 * (registering the ready modules as federation remotes), asked at once, then the layout. When
 * the address is a module's page, that module's code starts loading as soon as
 * `/api/plugins` answers, while the layout renders.
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
      const opening = list.find((plugin) => plugin.id === moduleIdOf(window.location.pathname));
      if (opening) {
        // Its files download while the layout renders (a long task that would hold the runtime's next step).
        await preloadPluginFiles(opening);
        prefetchPluginUI(queryClient, opening);
      }
      return list;
    },
    // Not waiting for `me` saves a round trip; without a session both answer 401 (no retry then).
    retry: (failures, error) => failures < 1 && !(error instanceof HttpError && error.status === 401),
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
  if (plugins.isError && me.isSuccess) {
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
