/** The module's card on the coordinators' overview: plans approved, overdue features, broken and stale connections, overdue findings. */
import { useQuery } from '@tanstack/react-query';
import { ErrorPanel, Link, modulePath, Typography, useT } from '@dondoc/ui';
import { MODULE_ID, queries } from './client.ts';
import './i18n.ts';

export function OverviewWidget() {
  const t = useT('tttt');
  const common = useT();
  const overview = useQuery(queries.overview.get.queryOptions());
  if (overview.isError) return <ErrorPanel title={common('common.loadFailed')} error={overview.error} onRetry={() => void overview.refetch()} />;
  const data = overview.data;
  if (!data) return <Typography.Text type="secondary">{common('common.loading')}</Typography.Text>;
  return (
    <div data-testid="tttt-widget">
      {data.plans ? <Typography.Paragraph strong>{t('widget.plans', { year: data.year, approved: data.plans.approved, owing: data.plans.owing })}</Typography.Paragraph> : null}
      <Typography.Paragraph>{t('widget.features', data.features)}</Typography.Paragraph>
      <Typography.Paragraph>{t('widget.connections', { broken: data.connections.byStatus.broken, stale: data.connections.stale })}</Typography.Paragraph>
      <Typography.Paragraph>{t('widget.findings', data.findings)}</Typography.Paragraph>
      <Link to={modulePath(MODULE_ID, '')}>{t('open')}</Link>
    </div>
  );
}
