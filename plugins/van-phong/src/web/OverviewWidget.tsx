/** The module's card on the coordinators' overview: the two cut shares toward 20% and the publication backlog. */
import { useQuery } from '@tanstack/react-query';
import { ErrorPanel, formatPercent, Link, modulePath, Typography, useLocale, useT } from '@dondoc/ui';
import { MODULE_ID, queries } from './client.ts';
import './i18n.ts';

export function OverviewWidget() {
  const t = useT('van-phong');
  const common = useT();
  const { locale } = useLocale();
  const shares = useQuery(queries.plans.shares.queryOptions());
  const backlog = useQuery(queries.procedures.backlog.queryOptions({}));
  const failed = shares.error ?? backlog.error;
  if (failed) return <ErrorPanel title={common('common.loadFailed')} error={failed} onRetry={() => void Promise.all([shares.refetch(), backlog.refetch()])} />;
  if (!shares.data || !backlog.data) return <Typography.Text type="secondary">{common('common.loading')}</Typography.Text>;
  return (
    <div data-testid="van-phong-widget">
      <Typography.Paragraph strong>
        {t('widget.shares', { internal: formatPercent(shares.data.city.internal.percent, locale), cost: formatPercent(shares.data.city.cost.percent, locale) })}
      </Typography.Paragraph>
      <Typography.Paragraph>{t('widget.backlog', { count: backlog.data.items.length })}</Typography.Paragraph>
      <Link to={modulePath(MODULE_ID, 'phuong-an')}>{t('widget.open')}</Link>
    </div>
  );
}
