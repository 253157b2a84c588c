import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, InfoCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { ForecastClass, ReportState, TaskStatus } from '@dondoc/core';
import { useLabels } from './labels.ts';

/**
 * Tag colours: dark tones (the tag tints its background and writes in the colour), so every
 * label keeps a WCAG AA contrast.
 */
export const STATUS_COLORS: Record<TaskStatus, string> = {
  in_progress: '#0b57a4',
  overdue: '#a8071a',
  done_on_time: '#237804',
  done_late: '#ad4e00',
  continuous: '#531dab',
};

export const FORECAST_COLORS: Record<ForecastClass, string> = {
  met: '#237804',
  on_track: '#0b57a4',
  at_risk: '#ad4e00',
  off_track: '#a8071a',
  insufficient_data: '#4b5563',
};

export const REPORT_STATE_COLORS: Record<ReportState, string> = {
  draft: '#4b5563',
  submitted: '#0b57a4',
  accepted: '#237804',
  returned: '#a8071a',
};

const fallback = '#4b5563';

export function TaskStatusTag({ status }: { status: string }) {
  const labels = useLabels();
  return (
    <Tag color={STATUS_COLORS[status as TaskStatus] ?? fallback} className="dondoc-tag">
      {labels.status(status)}
    </Tag>
  );
}

/** "Chưa cập nhật tiến độ". */
export function NoProgressTag() {
  const labels = useLabels();
  return (
    <Tag color="#ad4e00" variant="outlined" className="dondoc-tag" icon={<ExclamationCircleOutlined aria-hidden />}>
      {labels.noProgressUpdate()}
    </Tag>
  );
}

export function ForecastTag({ forecast }: { forecast: string }) {
  const labels = useLabels();
  return (
    <Tag color={FORECAST_COLORS[forecast as ForecastClass] ?? fallback} className="dondoc-tag">
      {labels.forecast(forecast)}
    </Tag>
  );
}

export function ReportStateTag({ state }: { state: string }) {
  const labels = useLabels();
  return (
    <Tag color={REPORT_STATE_COLORS[state as ReportState] ?? fallback} className="dondoc-tag">
      {labels.reportState(state)}
    </Tag>
  );
}

/** "Quá hạn trên 3 lần đôn đốc": the task goes to the leadership's briefing. */
export function LeadershipTag() {
  const labels = useLabels();
  return (
    <Tag color="#a8071a" variant="solid" icon={<WarningOutlined aria-hidden />} className="dondoc-tag">
      {labels.flag('leadership')}
    </Tag>
  );
}

/** "Đã gia hạn": the deadline in force is an extension of the original one. */
export function ExtendedTag() {
  const labels = useLabels();
  return (
    <Tag color="#0b57a4" variant="outlined" icon={<ClockCircleOutlined aria-hidden />} className="dondoc-tag">
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
      <Tag tabIndex={0} color="#4b5563" variant="outlined" icon={<InfoCircleOutlined aria-hidden />} className="dondoc-tag dondoc-inferred-tag">
        <span aria-hidden>{labels.flagShort('inferred')}</span>
        <span className="dondoc-visually-hidden">
          {labels.flag('inferred')}: {explanation}
        </span>
      </Tag>
    </Tooltip>
  );
}
