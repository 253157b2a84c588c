import { Suspense, useEffect, useState } from 'react';
import { Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { ErrorPanel, useDocumentTitle, useSession, useT, type PluginInfo } from '@dondoc/ui';
import type { PluginUIDefinition } from '@dondoc/plugin-sdk/web';
import { Loading } from '../components/Loading.tsx';
import { ModuleErrorBoundary } from './ModuleErrorBoundary.tsx';
import { pluginUIQuery, resetPluginRemote } from './federation.ts';
import { reloadOnceForStaleChunk } from './staleChunks.ts';

function ModuleLoading({ name }: { name: string }) {
  const t = useT('shell');
  return <Loading text={t('module.loading', { name })} />;
}

/** `/m/<id>/*`: loads the module on its first visit and mounts its routes below `/m/<id>/`. */
export function ModulePage() {
  const { pluginId = '' } = useParams();
  const { plugins } = useSession();
  const t = useT('shell');
  const plugin = plugins.find((candidate) => candidate.id === pluginId);

  useDocumentTitle(plugin?.name);

  if (!plugin) {
    return <ErrorPanel headingLevel={1} title={t('module.notListedTitle')} error={t('module.notListed', { id: pluginId })} />;
  }
  if (plugin.status !== 'ready') {
    return <ErrorPanel headingLevel={1} title={t('module.loadFailed', { name: plugin.name })} error={t('module.serverFailed')} />;
  }
  return <ModuleContent key={plugin.id} plugin={plugin} />;
}

function ModuleContent({ plugin }: { plugin: PluginInfo }) {
  const t = useT('shell');
  const location = useLocation();
  const query = useQuery(pluginUIQuery(plugin));
  const [reloading, setReloading] = useState(false);
  useEffect(() => {
    if (query.isError && reloadOnceForStaleChunk(query.error)) setReloading(true);
  }, [query.isError, query.error]);

  if (query.isPending) return <ModuleLoading name={plugin.name} />;
  if (reloading) return <Loading text={t('module.reloading', { name: plugin.name })} />;
  if (query.isError) {
    return (
      <ErrorPanel
        headingLevel={1}
        title={t('module.loadFailed', { name: plugin.name })}
        error={query.error}
        onRetry={() => {
          resetPluginRemote(plugin);
          void query.refetch();
        }}
      />
    );
  }
  return (
    <ModuleErrorBoundary
      resetKey={location.pathname}
      reloading={<Loading text={t('module.reloading', { name: plugin.name })} />}
      fallback={(error, reset) => (
        <ErrorPanel
          headingLevel={1}
          title={t('module.loadFailed', { name: plugin.name })}
          error={t('module.renderFailed', { message: error instanceof Error ? error.message : String(error) })}
          onRetry={reset}
        />
      )}
    >
      <Suspense fallback={<ModuleLoading name={plugin.name} />}>
        <ModuleRoutes id={plugin.id} definition={query.data} />
      </Suspense>
    </ModuleErrorBoundary>
  );
}

function ModuleRoutes({ id, definition }: { id: string; definition: PluginUIDefinition }) {
  const t = useT('shell');
  const navigate = useNavigate();
  return (
    <Routes>
      {definition.routes.map(({ path, Component }) => {
        const relative = path.replace(/^\/+/, '');
        return relative === '' ? (
          <Route key="(index)" index element={<Component />} />
        ) : (
          <Route key={relative} path={relative} element={<Component />} />
        );
      })}
      <Route
        path="*"
        element={
          <Result
            status="404"
            title={t('module.pageNotFound')}
            extra={
              <Button type="primary" onClick={() => navigate(`/m/${id}/`)}>
                {t('module.backToModule')}
              </Button>
            }
          />
        }
      />
    </Routes>
  );
}
