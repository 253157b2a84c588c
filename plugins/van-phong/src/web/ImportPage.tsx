/** `/m/van-phong/nhap-tu-tep`: a department's procedure list imported from an xlsx or csv file, on the kit's `SpreadsheetImport`. */
import { useQueryClient } from '@tanstack/react-query';
import { NotAllowedPage, PageHeader, Typography, uploadForm, uploadWithProgress, useAccess, useT } from '@dondoc/ui';
import { SpreadsheetImport } from '@dondoc/ui/spreadsheet-import';
import { CAN, client, MODULE_ID, queries, type ImportResult } from './client.ts';
import './i18n.ts';

export function ImportPage() {
  const t = useT('van-phong');
  const access = useAccess();
  const queryClient = useQueryClient();
  if (!access.can(CAN.proceduresWrite)) return <NotAllowedPage title={t('import.title')} />;
  const send = (dryRun: boolean) => (file: File, onProgress: (fraction: number) => void) =>
    uploadWithProgress<ImportResult>(MODULE_ID, 'procedures.import', uploadForm(file, { dryRun }), onProgress);
  return (
    <div className="dondoc-page">
      <PageHeader title={t('import.title')} intro={t('import.intro')} />
      <SpreadsheetImport<ImportResult>
        name="van-phong-import"
        check={send(true)}
        run={send(false)}
        template={() => client.procedures.template.query()}
        onWritten={() => void queryClient.invalidateQueries(queries.pathFilter())}
        renderSummary={(result) =>
          result.summary && result.errors.length === 0 ? (
            <Typography.Paragraph data-testid="import-summary">{t(result.written ? 'import.written' : 'import.planned', result.summary)}</Typography.Paragraph>
          ) : null
        }
      />
    </div>
  );
}
