import { useEffect, useId, useRef, type CSSProperties, type ReactNode } from 'react';
import { Alert, Card, Typography } from 'antd';
import { useDocumentTitle } from './documentTitle.ts';
import { useT } from './i18n.ts';

/** A page's h1 and its introduction; the browser tab reads "<title> — dondoc". */
export function PageHeader({ title, intro }: { title: string; intro?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <>
      <Typography.Title level={1}>{title}</Typography.Title>
      {intro ? <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph> : null}
    </>
  );
}

/** A page the user may not use: its title and "Bạn không có quyền dùng chức năng này." */
export function NotAllowedPage({ title }: { title: string }) {
  const t = useT();
  return (
    <div className="dondoc-page">
      <PageHeader title={title} />
      <Alert type="info" showIcon title={t('common.noPermission')} />
    </div>
  );
}

export interface SectionProps {
  title: ReactNode;
  extra?: ReactNode;
  children?: ReactNode;
  /** The heading level of the title (2 by default). */
  level?: 2 | 3;
  /** The card's size: 'small' (default) or 'default'. */
  size?: 'small' | 'default';
  loading?: boolean;
  className?: string;
  style?: CSSProperties;
}

/** A card that is a landmark of the page, with an h2 (or h3) title screen readers can jump to. */
export function Section({ title, extra, children, level = 2, size = 'small', loading, className, style }: SectionProps) {
  const id = useId();
  const Heading = `h${level}` as const;
  return (
    <section aria-labelledby={id} className={`dondoc-section ${className ?? ''}`} style={{ marginBottom: 16, ...style }}>
      <Card
        title={
          <Heading id={id} className="dondoc-section-title" style={{ fontSize: 17, fontWeight: 600, margin: 0, whiteSpace: 'normal' }}>
            {title}
          </Heading>
        }
        extra={extra}
        size={size}
        loading={loading}
      >
        {children}
      </Card>
    </section>
  );
}

/** A ref that scrolls its element into view whenever `key` changes to a truthy value (results shown below a long form). */
export function useRevealOn<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (key) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [key]);
  return ref;
}
