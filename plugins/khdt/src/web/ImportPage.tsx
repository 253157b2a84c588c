/** `/m/khdt/nhap-tu-tep`: schemes imported from an xlsx or csv file, on the kit's `SpreadsheetImport` (a dry run lists every row's errors first). */
import { useQueryClient } from '@tanstack/react-query';
import { sniffFile } from '@dondoc/plugin-sdk/web';
import { NotAllowedPage, PageHeader, Typography, uploadForm, uploadWithProgress, useAccess, useT } from '@dondoc/ui';
import { SpreadsheetImport } from '@dondoc/ui/spreadsheet-import';
import { client, MODULE_ID, queries, type ImportResult } from './client.ts';
import './i18n.ts';

export function ImportPage() {
  const t = useT('khdt');
  const access = useAccess();
  const queryClient = useQueryClient();
  if (!access.can('khdt.schemes:write')) return <NotAllowedPage title={t('importTitle')} />;
  const send = (dryRun: boolean) => (file: File, onProgress: (fraction: number) => void) => uploadWithProgress<ImportResult>(MODULE_ID, 'schemes.import', uploadForm(file, { dryRun }), onProgress);
  return (
    <div className="dondoc-page">
      <PageHeader title={t('importTitle')} intro={t('importIntro')} />
      <SpreadsheetImport<ImportResult>
        name="khdt-import"
        check={send(true)}
        run={send(false)}
        template={() => client.schemes.template.query()}
        sniff={sniffFile}
        target={t('importTarget')}
        onWritten={() => void queryClient.invalidateQueries(queries.pathFilter())}
        renderSummary={(result) => (result.summary && result.errors.length === 0 ? <Typography.Paragraph>{t(result.written ? 'importWritten' : 'importPlanned', result.summary)}</Typography.Paragraph> : null)}
      />
    </div>
  );
}
