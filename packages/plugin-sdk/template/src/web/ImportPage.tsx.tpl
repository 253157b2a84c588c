/** `/m/__PLUGIN_ID__/nhap-tu-tep`: results imported from an xlsx or csv file, on the kit's `SpreadsheetImport`. */
import { useQueryClient } from '@tanstack/react-query';
import { PageHeader, Typography, uploadForm, uploadWithProgress, useT } from '@dondoc/ui';
import { SpreadsheetImport } from '@dondoc/ui/spreadsheet-import';
import { client, MODULE_ID, queries, type ImportResult } from './client.ts';
import './i18n.ts';

export function ImportPage() {
  const t = useT('__PLUGIN_ID__');
  const queryClient = useQueryClient();
  const send = (dryRun: boolean) => (file: File, onProgress: (fraction: number) => void) =>
    uploadWithProgress<ImportResult>(MODULE_ID, 'entries.import', uploadForm(file, { dryRun }), onProgress);
  return (
    <div className="dondoc-page">
      <PageHeader title={t('importTitle')} intro={t('importIntro')} />
      <SpreadsheetImport<ImportResult>
        name="__PLUGIN_ID__-import"
        check={send(true)}
        run={send(false)}
        template={() => client.entries.template.query()}
        onWritten={() => void queryClient.invalidateQueries(queries.pathFilter())}
        renderSummary={(result) =>
          result.summary && result.errors.length === 0 ? (
            <Typography.Paragraph>{t(result.written ? 'importWritten' : 'importPlanned', result.summary)}</Typography.Paragraph>
          ) : null
        }
      />
    </div>
  );
}
