/** The module's card on the coordinators' overview: schemes behind plan and the PCI/PGI projections with their misses. */
import { useQuery } from '@tanstack/react-query';
import { ErrorPanel, formatPercent, Link, modulePath, Typography, useLocale, useT } from '@dondoc/ui';
import { MODULE_ID, queries } from './client.ts';
import './i18n.ts';

export function OverviewWidget() {
  const t = useT('khdt');
  const common = useT();
  const { locale } = useLocale();
  const overview = useQuery(queries.overview.get.queryOptions());
  if (overview.isError) return <ErrorPanel title={common('common.loadFailed')} error={overview.error} onRetry={() => void overview.refetch()} />;
  const data = overview.data;
  if (!data) return <Typography.Text type="secondary">{common('common.loading')}</Typography.Text>;
  return (
    <div data-testid="khdt-widget">
      <Typography.Paragraph strong>{t('widget.schemes', { behind: data.schemes.behind, total: data.schemes.total, percent: formatPercent(data.schemes.disbursedPercent, locale) })}</Typography.Paragraph>
      {data.indices.map((i) => (
        <Typography.Paragraph key={i.index}>
          <Link to={modulePath(MODULE_ID, `chi-so/${i.index}`)}>{t('widget.index', { index: i.index.toUpperCase(), year: i.year, shown: i.shown ?? '—', short: i.shortNodes })}</Link>
        </Typography.Paragraph>
      ))}
      <Link to={modulePath(MODULE_ID, '')}>{t('open')}</Link>
    </div>
  );
}
