/** The module's card on the coordinators' overview: the share of units submitting the periodic CCHC report, and the good models. */
import { useQuery } from '@tanstack/react-query';
import { ErrorPanel, formatPercent, Link, modulePath, Typography, useLocale, useT } from '@dondoc/ui';
import { MODULE_ID, queries } from './client.ts';
import './i18n.ts';

export function OverviewWidget() {
  const t = useT('noi-vu');
  const common = useT();
  const { locale } = useLocale();
  const data = useQuery(queries.overview.get.queryOptions());
  if (data.isError) return <ErrorPanel title={common('common.loadFailed')} error={data.error} onRetry={() => void data.refetch()} />;
  if (!data.data) return <Typography.Text type="secondary">{common('common.loading')}</Typography.Text>;
  return (
    <div data-testid="noi-vu-widget">
      <Typography.Paragraph strong>{data.data.reportShare === null ? t('widget.noShare') : t('widget.share', { value: formatPercent(data.data.reportShare, locale) })}</Typography.Paragraph>
      <Typography.Paragraph>{t('widget.models', data.data.models)}</Typography.Paragraph>
      <Link to={modulePath(MODULE_ID, '')}>{t('open')}</Link>
    </div>
  );
}
