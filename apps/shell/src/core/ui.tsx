import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Button } from 'antd';

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
