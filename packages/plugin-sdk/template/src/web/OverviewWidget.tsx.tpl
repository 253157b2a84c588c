/** The module's card on the coordinators' overview: this year's total against the target. */
import { useQuery } from '@tanstack/react-query';
import { ErrorPanel, formatNumber, Link, modulePath, Typography, useLocale, useT } from '@dondoc/ui';
import { TARGET_CODE } from '../domain/entries.ts';
import { MODULE_ID, queries } from './client.ts';
import './i18n.ts';

export function OverviewWidget() {
  const t = useT('__PLUGIN_ID__');
  const common = useT();
  const { locale } = useLocale();
  const list = useQuery(queries.entries.list.queryOptions({}));
  if (list.isError) return <ErrorPanel title={common('common.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <Typography.Text type="secondary">{common('common.loading')}</Typography.Text>;
  return (
    <div data-testid="__PLUGIN_ID__-widget">
      <Typography.Paragraph strong>{t('widget', { year: list.data.year, quantity: formatNumber(list.data.summary.quantity, locale), target: TARGET_CODE })}</Typography.Paragraph>
      <Link to={modulePath(MODULE_ID, '')}>{t('open')}</Link>
    </div>
  );
}
