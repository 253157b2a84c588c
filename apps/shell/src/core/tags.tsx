import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, InfoCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { colorOf, FORECAST_COLORS, TAG_COLORS } from '@dondoc/ui';
import type { ReportState, TaskStatus } from '@dondoc/core';
import { useLabels } from './labels.ts';

/** Tag colours of the one palette (`TAG_COLORS` of @dondoc/ui: WCAG AA with white text and on white). */
export const STATUS_COLORS: Record<TaskStatus, string> = {
  in_progress: TAG_COLORS.blue,
  overdue: TAG_COLORS.red,
  done_on_time: TAG_COLORS.green,
  done_late: TAG_COLORS.orange,
  continuous: TAG_COLORS.purple,
};

export const REPORT_STATE_COLORS: Record<ReportState, string> = {
  draft: TAG_COLORS.grey,
  with_lead: TAG_COLORS.gold,
  submitted: TAG_COLORS.blue,
  accepted: TAG_COLORS.green,
  returned: TAG_COLORS.red,
};

export function TaskStatusTag({ status }: { status: string }) {
  const labels = useLabels();
  return (
    <Tag color={colorOf(STATUS_COLORS, status)} className="dondoc-tag">
      {labels.status(status)}
    </Tag>
  );
}

/** "Chưa cập nhật tiến độ". */
export function NoProgressTag() {
  const labels = useLabels();
  return (
    <Tag color={TAG_COLORS.orange} variant="outlined" className="dondoc-tag" icon={<ExclamationCircleOutlined aria-hidden />}>
      {labels.noProgressUpdate()}
    </Tag>
  );
}

export function ForecastTag({ forecast }: { forecast: string }) {
  const labels = useLabels();
  return (
    <Tag color={colorOf(FORECAST_COLORS, forecast)} className="dondoc-tag">
      {labels.forecast(forecast)}
    </Tag>
  );
}

export function ReportStateTag({ state }: { state: string }) {
  const labels = useLabels();
  return (
    <Tag color={colorOf(REPORT_STATE_COLORS, state)} className="dondoc-tag">
      {labels.reportState(state)}
    </Tag>
  );
}

/** "Quá hạn trên 3 lần đôn đốc": the task goes to the leadership's briefing. */
export function LeadershipTag() {
  const labels = useLabels();
  return (
    <Tag color={TAG_COLORS.red} variant="solid" icon={<WarningOutlined aria-hidden />} className="dondoc-tag">
      {labels.flag('leadership')}
    </Tag>
  );
}

/** "Đã gia hạn": the deadline in force is an extension of the original one. */
export function ExtendedTag() {
  const labels = useLabels();
  return (
    <Tag color={TAG_COLORS.blue} variant="outlined" icon={<ClockCircleOutlined aria-hidden />} className="dondoc-tag">
      {labels.flag('extended')}
    </Tag>
  );
}

/**
 * "Suy luận": a value (deadline, unit) the directive's text does not state. A small tag that
 * can take the keyboard focus; its explanation shows on hover and focus, and screen readers
 * read the full label with the explanation.
 */
export function InferredTag({ explanation }: { explanation: string }) {
  const labels = useLabels();
  return (
    <Tooltip title={`${labels.flag('inferred')}. ${explanation}`} trigger={['hover', 'focus']}>
      <Tag tabIndex={0} color={TAG_COLORS.grey} variant="outlined" icon={<InfoCircleOutlined aria-hidden />} className="dondoc-tag dondoc-inferred-tag">
        <span aria-hidden>{labels.flagShort('inferred')}</span>
        <span className="dondoc-visually-hidden">
          {labels.flag('inferred')}: {explanation}
        </span>
      </Tag>
    </Tooltip>
  );
}
