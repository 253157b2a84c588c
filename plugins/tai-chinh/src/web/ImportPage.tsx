/**
 * `/m/tai-chinh/nhap-tu-tep`: import the register from an xlsx or csv file, on the kit's
 * `SpreadsheetImport` (dry run, then the real import of every row or none).
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, ErrorPanel, Form, NotAllowedPage, PageHeader, Section, Select, Typography, uploadForm, uploadWithProgress, useSession, useT } from '@dondoc/ui';
import { SpreadsheetImport } from '@dondoc/ui/spreadsheet-import';
import { sniffFile } from '@dondoc/plugin-sdk/web';
import { IMPORT_COLUMNS } from '../domain/index.ts';
import { client, taiChinh, type ImportResult } from './client.ts';
import { useModuleAccess } from './parts.tsx';
import './i18n.ts';

export function ImportPage() {
  const t = useT('tai-chinh');
  const common = useT();
  const access = useModuleAccess();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [managingUnitCode, setManagingUnitCode] = useState<string | undefined>(undefined);

  // Usually the caller's own unit; an administrator may import for any department or district.
  const writable = access.data?.writableUnits ?? [];
  const chooses = writable.length > 1;
  if (access.isError) return <ErrorPanel title={common('common.loadFailed')} error={access.error} onRetry={() => void access.refetch()} />;
  if (access.data && writable.length === 0) return <NotAllowedPage title={t('import.title')} />;

  // The file goes as multipart (`units.import` is an upload procedure), with its progress.
  const send = (dryRun: boolean) => (file: File, onProgress: (fraction: number) => void) =>
    uploadWithProgress<ImportResult>('tai-chinh', 'units.import', uploadForm(file, { managingUnitCode, dryRun }), onProgress);
  const unitName = (chooses ? writable.find((m) => m.code === managingUnitCode)?.name : null) ?? user.unit?.name ?? '';
  const columns = (required: boolean) => IMPORT_COLUMNS.filter((c) => c.required === required).map((c) => `"${c.header}"`).join(', ');

  return (
    <div className="dondoc-page">
      <PageHeader title={t('import.title')} intro={t('import.intro')} />
      <Section size="default" title={t('import.columns')}>
        <Typography.Paragraph>{t('import.columnsRequired', { columns: columns(true) })}</Typography.Paragraph>
        <Typography.Paragraph>{t('import.columnsOptional', { columns: columns(false) })}</Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('import.numbers')}</Typography.Paragraph>
      </Section>
      <SpreadsheetImport<ImportResult>
        name="tai-chinh-import"
        target={t('import.target', { unit: unitName })}
        sniff={sniffFile}
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        check={send(true)}
        run={send(false)}
        template={() => client.units.template.query()}
        disabled={chooses && !managingUnitCode}
        resetKey={managingUnitCode}
        onWritten={() => void queryClient.invalidateQueries(taiChinh.pathFilter())}
        renderSummary={(result) => <ImportSummary result={result} />}
      >
        {chooses ? (
          <Form layout="vertical" name="tai-chinh-import" component="div">
            <Form.Item label={t('import.managingUnit')} required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                value={managingUnitCode}
                onChange={(value: string) => setManagingUnitCode(value)}
                options={writable.map((m) => ({ value: m.code, label: m.name }))}
                placeholder={user.unit?.name}
                style={{ maxWidth: 400 }}
                aria-label={t('import.managingUnit')}
              />
            </Form.Item>
          </Form>
        ) : (
          <Typography.Paragraph>
            {t('import.managingUnit')}: <strong>{user.unit?.name}</strong>
          </Typography.Paragraph>
        )}
      </SpreadsheetImport>
    </div>
  );
}

/** What the import will do (dry run) or did, and the rows whose group does not match their figures. */
function ImportSummary({ result }: { result: ImportResult }) {
  const t = useT('tai-chinh');
  const common = useT();
  const summary = result.summary;
  if (!summary) return null;
  const mismatches = summary.mismatches;
  return (
    <>
      {result.errors.length === 0 ? (
        <Typography.Paragraph>{t(result.written ? 'import.written' : 'import.planned', { ...summary, unit: result.managingUnit.name })}</Typography.Paragraph>
      ) : null}
      {mismatches.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('import.mismatchesTitle', { count: mismatches.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {mismatches.map((m) => (
                <li key={m.row}>
                  {common('spreadsheet.errorRow')} {m.row}: {m.name} ({m.year}) — {t('register.mismatchHint', { implied: m.impliedGroup })}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
    </>
  );
}
