import { useEffect, useId, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Card, Progress } from 'antd';
import { useT } from '@dondoc/ui';

/** Sets the browser tab's title: "<page> — dondoc". */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} — dondoc`;
  }, [title]);
}

/** A card that is a landmark of the page, with an h2 (or h3) title screen readers can jump to. */
export function Section({
  title,
  extra,
  children,
  level = 2,
  className,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children?: ReactNode;
  level?: 2 | 3;
  className?: string;
}) {
  const id = useId();
  const Heading = `h${level}` as const;
  return (
    <section aria-labelledby={id} className={`dondoc-section ${className ?? ''}`}>
      <Card
        title={
          <Heading id={id} className="dondoc-section-title">
            {title}
          </Heading>
        }
        extra={extra}
        size="small"
      >
        {children}
      </Card>
    </section>
  );
}

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

/** A stale write: the server's message naming who changed the data, and a reload that keeps what was typed. */
export function ConflictAlert({ message, onReload, reloading, className }: { message: string; onReload: () => void; reloading: boolean; className?: string }) {
  const t = useT('shell');
  return (
    <Alert
      type="warning"
      showIcon
      {...(className ? { className } : {})}
      title={message}
      description={t('common.conflictKeep')}
      action={
        <Button onClick={onReload} loading={reloading}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
