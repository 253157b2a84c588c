import { Suspense } from 'react';
import { useQueries } from '@tanstack/react-query';
import { Alert, Card } from 'antd';
import { ErrorPanel, type PluginInfo, Section, useT } from '@dondoc/ui';
import type { PluginUIDefinition } from '@dondoc/plugin-sdk/web';
import { Loading } from '../components/Loading.tsx';
import { ModuleErrorBoundary } from './ModuleErrorBoundary.tsx';
import { pluginUIQuery } from './federation.ts';

/** The modules' `overviewWidget`s, loaded like module pages, each in its own error boundary. */
export function ModuleWidgets({ plugins }: { plugins: PluginInfo[] }) {
  const t = useT('shell');
  const definitions = useQueries({ queries: plugins.map((plugin) => pluginUIQuery(plugin)) });
  const cards = plugins.flatMap((plugin, index) => {
    const query = definitions[index];
    if (!query || query.isPending) return [];
    if (query.isError) {
      return [
        <li key={plugin.id}>
          <Alert type="warning" showIcon title={t('module.loadFailed', { name: plugin.name })} description={t('overview.widgetUnavailable')} />
        </li>,
      ];
    }
    const Widget = (query.data as PluginUIDefinition).overviewWidget;
    if (!Widget) return [];
    return [
      <li key={plugin.id}>
        <Card size="small" title={<h3 className="dondoc-section-title">{plugin.name}</h3>} className="dondoc-widget">
          <ModuleErrorBoundary
            resetKey={plugin.id}
            fallback={(error, reset) => (
              <ErrorPanel
                headingLevel={3}
                title={t('module.loadFailed', { name: plugin.name })}
                error={t('module.renderFailed', { message: error instanceof Error ? error.message : String(error) })}
                onRetry={reset}
              />
            )}
          >
            <Suspense fallback={<Loading text={t('module.loading', { name: plugin.name })} />}>
              <Widget />
            </Suspense>
          </ModuleErrorBoundary>
        </Card>
      </li>,
    ];
  });
  const loading = definitions.some((query) => query.isPending);
  if (cards.length === 0 && !loading) return null;
  return (
    <Section title={t('overview.widgetsTitle')}>
      {loading ? <Loading text={t('common.loading')} /> : null}
      <ul className="dondoc-widgets">{cards}</ul>
    </Section>
  );
}
