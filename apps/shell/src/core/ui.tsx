import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Button, Progress } from 'antd';
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

/** Text as it was typed, keeping its line breaks; a dash when empty. */
export function MultilineText({ text }: { text: string | null | undefined }) {
  return text && text.trim() ? <span className="dondoc-multiline">{text}</span> : <span className="dondoc-muted">—</span>;
}

/** A link that looks like a button: a real `<a href>` (open in a new tab works) that navigates inside the app. */
export function LinkButton({
  to,
  children,
  type,
  icon,
}: {
  to: string;
  children: ReactNode;
  type?: 'default' | 'primary';
  icon?: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <Button
      href={to}
      type={type}
      icon={icon}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </Button>
  );
}

// The layout (NotificationBell) still imports it from here.
export { useDocumentTitle } from '@dondoc/ui';
