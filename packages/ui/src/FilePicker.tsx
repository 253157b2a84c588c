import { useRef, type ReactNode } from 'react';
import { Button, Space, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useT } from './i18n.ts';

export interface FilePickerProps {
  /** The file input's id (tests reach it with `#id`); its label is the button's text. */
  id?: string;
  /** File kinds, as the `accept` of a file input. */
  accept?: string;
  /** The button's text (default "Chọn tệp…"). */
  label?: string;
  /** What is chosen or attached, shown beside the button; null: "Chưa chọn tệp". */
  chosen?: ReactNode;
  /** The file picked (the input is emptied after, so the same file can be picked again). */
  onPick: (file: File) => void;
  loading?: boolean;
  disabled?: boolean;
  /** More beside the button (remove, download). */
  children?: ReactNode;
}

/**
 * The one file picker of the portal: the browser's own input ("Choose file / No file chosen",
 * in the browser's language) is hidden; a button in the page's language opens it (Enter or
 * Space), and the name of what is chosen, or "Chưa chọn tệp", is shown beside it.
 */
export function FilePicker({ id, accept, label, chosen, onPick, loading = false, disabled = false, children }: FilePickerProps) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const text = label ?? t('filePicker.choose');
  return (
    <>
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        tabIndex={-1}
        aria-label={text}
        disabled={disabled}
        style={{ position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0, 0, 0, 0)', whiteSpace: 'nowrap', border: 0 }}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onPick(file);
        }}
      />
      <Space wrap className="dondoc-file-picker-control">
        <Button icon={<PaperClipOutlined aria-hidden />} onClick={() => input.current?.click()} loading={loading} disabled={disabled}>
          {text}
        </Button>
        <Typography.Text type={chosen ? undefined : 'secondary'} data-testid={id ? `${id}-chosen` : undefined}>
          {chosen ?? t('filePicker.none')}
        </Typography.Text>
        {children}
      </Space>
    </>
  );
}
