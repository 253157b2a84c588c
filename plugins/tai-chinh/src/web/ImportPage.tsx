/**
 * `/m/tai-chinh/nhap-tu-tep`: import the register from an xlsx or csv file. "Check file" runs a
 * dry run and lists the row-level errors; "Write the data" is enabled once the same file
 * checked clean, and writes all rows or none.
 */
import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Select, Space, Table, Typography } from 'antd';
import { ErrorPanel, errorMessage, useSession, useT } from '@dondoc/ui';
import { IMPORT_COLUMNS, type ImportIssue } from '../domain/index.ts';
import { client, downloadBase64, keys, readFileBase64, type ImportResult } from './client.ts';
import { CardTitle, useAccess } from './parts.tsx';
import './i18n.ts';

/** Same limit as the server (512 KB): its tRPC body limit is 1 MB, and base64 adds a third. */
const MAX_FILE_BYTES = 512 * 1024;

export function ImportPage() {
  const t = useT('tai-chinh');
  const access = useAccess();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; size: number; base64: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [managingUnitCode, setManagingUnitCode] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<ImportResult | null>(null);

  useEffect(() => {
    document.title = `${t('import.title')} — dondoc`;
  }, [t]);

  // Usually the caller's own unit; an administrator may import for any department or district.
  const writable = access.data?.writableUnits ?? [];
  const chooses = writable.length > 1;

  const run = useMutation({
    mutationFn: (dryRun: boolean) =>
      client.units.import.mutate({ fileName: file!.name, contentBase64: file!.base64, managingUnitCode, dryRun }),
    onSuccess: (answer) => {
      setResult(answer);
      if (answer.written) void queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
  const template = useMutation({ mutationFn: () => client.units.template.query(), onSuccess: downloadBase64 });

  if (access.isError) return <ErrorPanel title={t('common.loadFailed')} error={access.error} onRetry={() => void access.refetch()} />;
  if (access.data && writable.length === 0) {
    return (
      <div className="dondoc-page">
        <Typography.Title level={1}>{t('import.title')}</Typography.Title>
        <Alert type="info" showIcon title={t('common.noPermission')} />
      </div>
    );
  }

  const required = IMPORT_COLUMNS.filter((c) => c.required).map((c) => `"${c.header}"`).join(', ');
  const optional = IMPORT_COLUMNS.filter((c) => !c.required).map((c) => `"${c.header}"`).join(', ');
  const checkedClean = result !== null && result.dryRun && result.errors.length === 0;

  const onPick = async (picked: File | undefined) => {
    setResult(null);
    setFileError(null);
    setFile(null);
    if (!picked) return;
    if (picked.size > MAX_FILE_BYTES) {
      setFileError(t('import.tooLarge', { max: MAX_FILE_BYTES / 1024 }));
      return;
    }
    try {
      setFile({ name: picked.name, size: picked.size, base64: await readFileBase64(picked) });
    } catch {
      setFileError(t('import.unreadable'));
    }
  };

  return (
    <div className="dondoc-page">
      <Typography.Title level={1}>{t('import.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>

      <Card style={{ marginBottom: 16 }} title={<CardTitle>{t('import.columns')}</CardTitle>}>
        <Typography.Paragraph>{t('import.columnsRequired', { columns: required })}</Typography.Paragraph>
        <Typography.Paragraph>{t('import.columnsOptional', { columns: optional })}</Typography.Paragraph>
        <Typography.Paragraph>{t('import.numbers')}</Typography.Paragraph>
        <Button onClick={() => template.mutate()} loading={template.isPending}>
          {t('import.template')}
        </Button>
      </Card>

      <Card title={<CardTitle>{t('import.file')}</CardTitle>}>
        <Form layout="vertical" name="tai-chinh-import" component="div">
          {chooses ? (
            <Form.Item label={t('import.managingUnit')} required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                value={managingUnitCode}
                onChange={(value: string) => {
                  setManagingUnitCode(value);
                  setResult(null);
                }}
                options={writable.map((m) => ({ value: m.code, label: m.name }))}
                placeholder={user.unit?.name}
                style={{ maxWidth: 400 }}
                aria-label={t('import.managingUnit')}
              />
            </Form.Item>
          ) : (
            <Typography.Paragraph>
              {t('import.managingUnit')}: <strong>{user.unit?.name}</strong>
            </Typography.Paragraph>
          )}
          <Form.Item label={t('import.file')} htmlFor="tai-chinh-import-file" extra={file ? t('import.chosen', { name: file.name, size: Math.ceil(file.size / 1024) }) : undefined}>
            <input
              id="tai-chinh-import-file"
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              onChange={(event) => void onPick(event.target.files?.[0])}
            />
          </Form.Item>
          {fileError ? <Alert role="alert" type="error" showIcon title={fileError} style={{ marginBottom: 16 }} /> : null}
          <Space wrap>
            <Button
              type={checkedClean ? 'default' : 'primary'}
              disabled={!file || (chooses && !managingUnitCode)}
              loading={run.isPending && run.variables === true}
              onClick={() => run.mutate(true)}
            >
              {t('import.check')}
            </Button>
            <Button type="primary" disabled={!file || !checkedClean} loading={run.isPending && run.variables === false} onClick={() => run.mutate(false)}>
              {t('import.write')}
            </Button>
          </Space>
        </Form>

        {run.isError ? <Alert role="alert" type="error" showIcon title={t('import.failed')} description={errorMessage(run.error)} style={{ marginTop: 16 }} /> : null}
        {result ? <ImportAnswer result={result} /> : null}
      </Card>
    </div>
  );
}

function ImportAnswer({ result }: { result: ImportResult }) {
  const t = useT('tai-chinh');
  const summary = result.summary;
  return (
    <div style={{ marginTop: 16 }} aria-live="polite">
      {result.errors.length > 0 ? (
        <>
          <Alert role="alert" type="error" showIcon title={t('import.errorsTitle', { count: result.errors.length })} style={{ marginBottom: 12 }} />
          <Table<ImportIssue & { key: number }>
            size="small"
            data-testid="import-errors"
            pagination={result.errors.length > 50 ? { pageSize: 50 } : false}
            dataSource={result.errors.map((error, key) => ({ ...error, key }))}
            columns={[
              { title: t('import.errorRow'), dataIndex: 'row', width: 80, render: (row: number) => (row === 0 ? t('import.fileLevel') : row) },
              { title: t('import.errorColumn'), dataIndex: 'column', width: 220 },
              { title: t('import.errorMessage'), dataIndex: 'message' },
            ]}
          />
        </>
      ) : result.written && summary ? (
        <Alert role="status" type="success" showIcon title={t('import.written', { rows: result.dataRows, unit: result.managingUnit.name })} />
      ) : summary ? (
        <Alert role="status" type="info" showIcon title={t('import.checked', { rows: result.dataRows, ...summary })} />
      ) : null}
      {summary && summary.mismatches.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('import.mismatchesTitle', { count: summary.mismatches.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {summary.mismatches.map((m) => (
                <li key={`${m.row}`}>
                  {t('import.errorRow')} {m.row}: {m.name} ({m.year}) — {t('register.mismatchHint', { implied: m.impliedGroup })}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {result.ignoredColumns.length > 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('import.ignored', { columns: result.ignoredColumns.join(', ') })}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
