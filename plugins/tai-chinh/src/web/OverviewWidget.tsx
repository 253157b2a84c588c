/**
 * The module's card on the coordinators' overview page: this year's share of autonomous units
 * (groups 1-2) against the 20% target. The shell draws the card around it.
 */
import { useQuery } from '@tanstack/react-query';
import { ErrorPanel, Link, modulePath, TAG_COLORS, Typography, useT } from '@dondoc/ui';
import { Progress } from '@dondoc/ui/panels';
import { approvalBasis, AUTONOMY_TARGET_SHARE } from '../domain/index.ts';
import { taiChinh } from './client.ts';
import { useModuleAccess, useFormats } from './parts.tsx';
import './i18n.ts';

export function OverviewWidget() {
  const t = useT('tai-chinh');
  const common = useT();
  const f = useFormats();
  const access = useModuleAccess();
  const year = access.data?.currentYear;
  const summary = useQuery({ ...taiChinh.consolidation.summary.queryOptions({ year }), enabled: year !== undefined });

  if (access.isError || summary.isError) {
    return <ErrorPanel title={t('common:common.loadFailed')} error={access.error ?? summary.error} onRetry={() => void summary.refetch()} />;
  }
  const current = summary.data?.years.find((y) => y.year === year);
  if (!current) return <Typography.Text type="secondary">{common('common.loading')}</Typography.Text>;
  // What counts is the share recorded on the target: approved units in groups 1-2 over every
  // unit of the year, provisional until every managing unit is approved. Before any approval,
  // the entered one, marked provisional.
  const recordable = current.recordable;
  const approved = recordable.approvedManagingUnits > 0;
  const share = approved ? recordable : current.entered;
  return (
    <div data-testid="tai-chinh-widget">
      <Typography.Text strong>{t('widget.share', { year })}</Typography.Text>
      {share.share === null ? (
        <Typography.Paragraph type="secondary">{t('widget.noData', { year })}</Typography.Paragraph>
      ) : (
        <>
          <Progress
            percent={Math.min(100, share.share)}
            format={() => f.percent(share.share)}
            status="normal"
            strokeColor={share.share >= AUTONOMY_TARGET_SHARE ? TAG_COLORS.green : TAG_COLORS.red}
            aria-label={t('widget.share', { year })}
          />
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('widget.target', { value: AUTONOMY_TARGET_SHARE })} · {t('common.percentOf', share)}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {!approved
              ? t('widget.provisional')
              : recordable.provisional
                ? t('widget.partlyApproved', { basis: approvalBasis(recordable, f.locale) })
                : t('widget.approved')}
          </Typography.Paragraph>
        </>
      )}
      <Link to={modulePath('tai-chinh', 'tong-hop')}>{t('widget.open')}</Link>
    </div>
  );
}
