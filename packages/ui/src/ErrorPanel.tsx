import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useT } from './i18n.ts';
import { errorMessage } from './errors.ts';

export interface ErrorPanelProps {
  /** Headline; "Đã có lỗi xảy ra" by default. */
  title?: ReactNode;
  /** The error: its user-facing text (see `errorMessage`) is shown under the title. */
  error?: unknown;
  /** Shows a "Thử lại" button calling it. */
  onRetry?: () => void;
  /** More actions next to the retry button. */
  extra?: ReactNode;
  /** The title's heading level: 1 when the panel stands for the whole page (default 2). */
  headingLevel?: 1 | 2 | 3;
}

/** A clear error block (role="alert") with the error's text and an optional retry button. */
export function ErrorPanel({ title, error, onRetry, extra, headingLevel = 2 }: ErrorPanelProps) {
  const Heading = `h${headingLevel}` as const;
  const t = useT();
  const actions = [
    onRetry ? (
      <Button key="retry" type="primary" onClick={onRetry}>
        {t('error.retry')}
      </Button>
    ) : null,
    extra ? <span key="extra">{extra}</span> : null,
  ].filter(Boolean);
  return (
    <div role="alert" className="dondoc-error-panel">
      <Result
        status="error"
        title={<Heading style={{ font: 'inherit', color: 'inherit', margin: 0 }}>{title ?? t('error.title')}</Heading>}
        subTitle={error === undefined ? undefined : errorMessage(error)}
        extra={actions.length > 0 ? actions : undefined}
      />
    </div>
  );
}
