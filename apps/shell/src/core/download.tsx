import { useState } from 'react';
import { App as AntApp, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadFile, errorMessage, formatBytes, useLocale, useT } from '@dondoc/ui';
import { core } from './client.ts';

/**
 * Downloads a stored evidence file (`reports.evidence`: a report's evidence, a task's result
 * file): a real button naming the file for screen readers; a refusal shows as a message.
 */
export function EvidenceDownloadButton({
  file,
  label,
  size = 'small',
}: {
  file: { id: string; filename: string; size?: number };
  /** Accessible name of the button; default "Tải về <tệp>". */
  label?: string;
  size?: 'small' | 'middle';
}) {
  const t = useT('shell');
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const data = await core.reports.evidence.query({ id: file.id });
      downloadFile({ fileName: data.filename, mimeType: data.contentType, contentBase64: data.dataBase64 });
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size={size}
      icon={<DownloadOutlined aria-hidden />}
      loading={busy}
      onClick={() => void download()}
      aria-label={label ?? t('evidence.downloadFile', { name: file.filename })}
    >
      {file.filename}
      {file.size !== undefined ? <span className="dondoc-muted"> ({formatBytes(file.size, locale)})</span> : null}
    </Button>
  );
}
