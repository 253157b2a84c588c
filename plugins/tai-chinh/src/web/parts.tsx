/** Small pieces shared by the module's pages: the caller's access in the module, its tags and formats. */
import { useQuery } from '@tanstack/react-query';
import { formatNumber, formatPercent, StatusTag, Tag, TAG_COLORS, Tooltip, Typography, useLocale, useT } from '@dondoc/ui';
import {
  approvalBasis,
  APPROVAL_STATUS_LABELS,
  GROUP_LABELS,
  GROUP_SHORT_LABELS,
  ROADMAP_STATUS_LABELS,
  type ApprovalStatus,
  type AutonomyGroup,
  type RoadmapStatus,
} from '../domain/index.ts';
import { taiChinh, type YearView } from './client.ts';

/** What the caller may do in the module (the server decides; pages only hide what is refused). */
export function useModuleAccess() {
  return useQuery(taiChinh.access.queryOptions(undefined, { staleTime: 5 * 60_000 }));
}

export function useFormats() {
  const { locale } = useLocale();
  return {
    locale,
    percent: (value: number | null | undefined) => formatPercent(value, locale),
    amount: (value: number | null | undefined) => formatNumber(value, locale),
    groupShort: (group: AutonomyGroup) => GROUP_SHORT_LABELS[group][locale],
    groupLong: (group: AutonomyGroup) => GROUP_LABELS[group][locale],
  };
}

const GROUP_COLORS: Record<AutonomyGroup, string> = { 1: TAG_COLORS.green, 2: TAG_COLORS.cyan, 3: TAG_COLORS.gold, 4: 'default' };

export function GroupTag({ group }: { group: AutonomyGroup | null }) {
  const f = useFormats();
  const t = useT('tai-chinh');
  if (group === null) return <Typography.Text type="secondary">{t('common.noGroup')}</Typography.Text>;
  return (
    <Tooltip title={f.groupLong(group)}>
      <Tag color={GROUP_COLORS[group]}>{f.groupShort(group)}</Tag>
    </Tooltip>
  );
}

const ROADMAP_COLORS: Record<RoadmapStatus, string> = { ahead: TAG_COLORS.green, on_plan: TAG_COLORS.blue, behind: TAG_COLORS.red, no_plan: 'default', no_data: 'default' };

export function RoadmapTag({ status }: { status: RoadmapStatus }) {
  return status === 'no_plan' ? null : <StatusTag value={status} labels={ROADMAP_STATUS_LABELS} colors={ROADMAP_COLORS} />;
}

const APPROVAL_COLORS: Record<ApprovalStatus, string> = { pending: 'default', approved: TAG_COLORS.green, returned: TAG_COLORS.orange };

export function ApprovalTag({ status }: { status: ApprovalStatus }) {
  return <StatusTag value={status} labels={APPROVAL_STATUS_LABELS} colors={APPROVAL_COLORS} />;
}

/** The check of a year's classification: a red "mismatch" tag naming the implied group. */
export function CheckTag({ year }: { year: YearView }) {
  const t = useT('tai-chinh');
  if (year.status === 'mismatch' && year.impliedGroup !== null) {
    return (
      <Tag color={TAG_COLORS.red} data-testid="mismatch-tag">
        {t('register.mismatchTag')}: {t('register.mismatchHint', { implied: year.impliedGroup })}
      </Tag>
    );
  }
  if (year.status === 'undetermined') return <Tag color={TAG_COLORS.orange}>{t('register.undeterminedTag')}</Tag>;
  return null;
}

/**
 * "Tạm tính: đã duyệt 4/17 đơn vị chủ quản" beside a share recorded (or to be recorded) while
 * not every managing unit of the year is approved; nothing once all are.
 */
export function ProvisionalNote({ share }: { share: { provisional: boolean; managingUnits: number | null; approvedManagingUnits: number | null } }) {
  const t = useT('tai-chinh');
  const { locale } = useLocale();
  if (!share.provisional) return null;
  const basis =
    share.managingUnits === null || share.approvedManagingUnits === null
      ? null
      : approvalBasis({ managingUnits: share.managingUnits, approvedManagingUnits: share.approvedManagingUnits }, locale);
  return (
    <span data-testid="provisional-note">
      <Tag color={TAG_COLORS.orange}>{t('consolidation.provisionalTag')}</Tag>
      {basis ? <Typography.Text type="secondary">{basis}</Typography.Text> : null}
    </span>
  );
}
