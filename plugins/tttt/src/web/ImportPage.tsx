/** `/m/tttt/nhap-tu-tep`: the connections or the features register imported from an xlsx or csv file, on the kit's `SpreadsheetImport`. */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { sniffFile } from '@dondoc/plugin-sdk/web';
import { NotAllowedPage, PageHeader, Radio, Typography, uploadForm, uploadWithProgress, useAccess, useLocale, useT } from '@dondoc/ui';
import { SpreadsheetImport } from '@dondoc/ui/spreadsheet-import';
import { client, MODULE_ID, queries, type ImportResult } from './client.ts';
import './i18n.ts';

const REGISTERS = {
  connections: { procedure: 'connections.import', template: () => client.connections.template.query(), target: { vi: 'danh sách kết nối', en: 'the connections register' } },
  features: { procedure: 'features.import', template: () => client.features.template.query(), target: { vi: 'danh sách tính năng', en: 'the features register' } },
} as const;
type Register = keyof typeof REGISTERS;

export function ImportPage() {
  const t = useT('tttt');
  const { locale } = useLocale();
  const access = useAccess();
  const queryClient = useQueryClient();
  const [register, setRegister] = useState<Register>('connections');
  if (!access.can('tttt.system:write')) return <NotAllowedPage title={t('importTitle')} />;
  const { procedure, template, target } = REGISTERS[register];
  const send = (dryRun: boolean) => (file: File, onProgress: (fraction: number) => void) => uploadWithProgress<ImportResult>(MODULE_ID, procedure, uploadForm(file, { dryRun }), onProgress);
  return (
    <div className="dondoc-page">
      <PageHeader title={t('importTitle')} intro={t('importIntro')} />
      <Radio.Group
        aria-label={t('importWhat')}
        value={register}
        onChange={(event) => setRegister(event.target.value as Register)}
        optionType="button"
        options={[
          { value: 'connections', label: t('importConnections') },
          { value: 'features', label: t('importFeatures') },
        ]}
        style={{ marginBottom: 16 }}
      />
      <SpreadsheetImport<ImportResult>
        key={register}
        name={`tttt-import-${register}`}
        check={send(true)}
        run={send(false)}
        template={template}
        sniff={sniffFile}
        target={target[locale]}
        onWritten={() => void queryClient.invalidateQueries(queries.pathFilter())}
        renderSummary={(result) =>
          result.summary && result.errors.length === 0 ? <Typography.Paragraph>{t(result.written ? 'importWritten' : 'importPlanned', result.summary)}</Typography.Paragraph> : null
        }
      />
    </div>
  );
}
