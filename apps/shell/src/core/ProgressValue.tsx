import { Progress } from 'antd';
import { useT } from '@dondoc/ui';

/** A progress percentage as a small bar with its number, named for screen readers. */
export function ProgressValue({ value, compact = false }: { value: number | null | undefined; compact?: boolean }) {
  const t = useT('shell');
  if (value === null || value === undefined) return <span>—</span>;
  const percent = Math.max(0, Math.min(100, value));
  return (
    <Progress
      percent={percent}
      size="small"
      className={compact ? 'dondoc-progress dondoc-progress-compact' : 'dondoc-progress'}
      aria-label={t('common.progress')}
      format={(p) => `${p ?? 0}%`}
      status="normal"
    />
  );
}
