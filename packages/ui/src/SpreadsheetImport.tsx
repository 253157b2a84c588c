import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Popconfirm, Progress, Space, Table, Typography } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { downloadFile, type Base64File } from './download.ts';
import { errorMessage } from './errors.ts';
import { useLocale, useT } from './i18n.ts';
import { formatBytes } from './numbers.ts';
import { TAG_COLORS } from './palette.ts';

/** What a spreadsheet import answers (the server kit's result), dry run or real. */
export interface SpreadsheetImportResult<TSummary = unknown> {
  dryRun: boolean;
  /** True only when the real import wrote every row. */
  written: boolean;
  fileKind: 'xlsx' | 'csv' | null;
  sheetName: string | null;
  /** Data rows read (not blank). */
  dataRows: number;
  /** Row-level errors (row 0: the file itself); with any, nothing is written. */
  errors: Array<{ row: number; column: string; message: string }>;
  ignoredColumns: string[];
  summary: TSummary;
}

export interface SpreadsheetImportProps<TResult extends SpreadsheetImportResult> {
  /** The dry run: checks the file, writes nothing. `onProgress` takes the sending's fraction (0-1). */
  check: (file: File, onProgress: (fraction: number) => void) => Promise<TResult>;
  /** The real import: every row or none. Enabled once the same file checked clean. */
  run: (file: File, onProgress: (fraction: number) => void) => Promise<TResult>;
  /** "Tải tệp mẫu": the module's template file. */
  template?: () => Promise<Base64File>;
  /** The module's own account of a result (what will be / was written, warnings). */
  renderSummary?: (result: TResult) => ReactNode;
  /** File kinds accepted, as the `accept` of a file input (default xlsx and csv). */
  accept?: string;
  /** Largest file accepted (default 512 KB: the server's `UPLOAD_LIMITS.spreadsheet` of @dondoc/trpc). */
  maxBytes?: number;
  /** The file input's id is `<name>-file` (default `spreadsheet-import`). */
  name?: string;
  /** What a file is by its bytes (`sniffFile` of `@dondoc/plugin-sdk/web`): with it, a file whose content is not of its name's kind is refused before it is sent. */
  sniff?: (bytes: Uint8Array, fileName: string) => string;
  /** Where the real import writes, for its confirmation ("Ghi 12 dòng vào <target>?"); default "hệ thống". */
  target?: string;
  /** The module's fields above the file (e.g. for which unit). */
  children?: ReactNode;
  /** Checking is refused while true (a required field above is empty). */
  disabled?: boolean;
  /** Any change of it forgets the last result (a field above changed). */
  resetKey?: unknown;
  /** After a real import wrote the data (refresh the module's lists). */
  onWritten?: (result: TResult) => void;
}

const DEFAULT_ACCEPT = '.xlsx,.csv';
const DEFAULT_MAX_BYTES = 512 * 1024;

/** The extensions of an `accept` list (".xlsx,.csv,text/csv" → ["xlsx", "csv"]). */
export function acceptedExtensions(accept: string): string[] {
  return accept
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part.startsWith('.'))
    .map((part) => part.slice(1));
}

/** Why a chosen file cannot be sent: 'type', 'empty', 'size', or null when it can. */
export function spreadsheetProblem(file: { name: string; size: number }, accept = DEFAULT_ACCEPT, maxBytes = DEFAULT_MAX_BYTES): 'type' | 'empty' | 'size' | null {
  const extensions = acceptedExtensions(accept);
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  if (extensions.length > 0 && !extensions.includes(extension)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'size';
  return null;
}

/**
 * Whether a file's bytes are of a kind its name says and the import accepts (an xlsx renamed
 * from a pdf, an old .xls named .xlsx are not), by `sniff` (the kit's `sniffFile`, from
 * `@dondoc/plugin-sdk/web`): true when they are.
 */
export function spreadsheetContentMatches(kind: string, fileName: string, accept = DEFAULT_ACCEPT): boolean {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  return acceptedExtensions(accept).includes(kind) && kind === extension;
}

/**
 * The import page's body of every module: choose an xlsx or csv file (button, keyboard or
 * drag and drop), "Kiểm tra tệp" (dry run), then "Nhập dữ liệu" (real import) once the same
 * file checked clean, after a confirmation naming the rows to write; a file whose name or content
 * is not of an accepted kind is refused at once, before anything is sent; a progress bar while sending; the result: rows read, every error in a
 * table (row, column, message) with its count, ignored columns, and the module's summary.
 */
export function SpreadsheetImport<TResult extends SpreadsheetImportResult>({
  check,
  run,
  template,
  renderSummary,
  accept = DEFAULT_ACCEPT,
  maxBytes = DEFAULT_MAX_BYTES,
  name = 'spreadsheet-import',
  target,
  sniff,
  children,
  disabled = false,
  resetKey,
  onWritten,
}: SpreadsheetImportProps<TResult>) {
  const t = useT();
  const { locale } = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [focused, setFocused] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<TResult | null>(null);
  const kinds = acceptedExtensions(accept).map((ext) => `.${ext}`).join(', ');
  const max = formatBytes(maxBytes, locale);

  const send = useMutation({
    mutationFn: async (dryRun: boolean) => {
      setProgress(0);
      try {
        return await (dryRun ? check : run)(file!, setProgress);
      } finally {
        setProgress(null);
      }
    },
    onSuccess: (answer) => {
      setResult(answer);
      if (answer.written) onWritten?.(answer);
    },
  });
  const templateDownload = useMutation({ mutationFn: () => template!(), onSuccess: downloadFile });

  useEffect(() => {
    setResult(null);
    send.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the key resets
  }, [resetKey]);

  const pick = async (picked: File | undefined) => {
    setResult(null);
    send.reset();
    setProblem(null);
    setFile(null);
    if (!picked) return;
    const issue = spreadsheetProblem(picked, accept, maxBytes);
    if (issue === 'type') setProblem(t('spreadsheet.wrongType', { name: picked.name, kinds }));
    else if (issue === 'empty') setProblem(t('spreadsheet.empty', { name: picked.name }));
    else if (issue === 'size') setProblem(t('spreadsheet.tooLarge', { name: picked.name, max }));
    else if (sniff && !spreadsheetContentMatches(sniff(new Uint8Array(await picked.arrayBuffer()), picked.name), picked.name, accept)) {
      setProblem(t('spreadsheet.wrongContent', { name: picked.name, kind: `.${picked.name.toLowerCase().split('.').pop() ?? ''}`, kinds }));
    } else setFile(picked);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void pick(event.dataTransfer.files[0]);
  };

  const checkedClean = result !== null && result.dryRun && result.errors.length === 0;
  return (
    <Card
      title={<h2 style={{ fontSize: 17, fontWeight: 600, margin: 0 }}>{t('spreadsheet.file')}</h2>}
      extra={
        template ? (
          <Button icon={<DownloadOutlined aria-hidden />} onClick={() => templateDownload.mutate()} loading={templateDownload.isPending}>
            {t('spreadsheet.template')}
          </Button>
        ) : null
      }
    >
      {children}
      <div
        role="button"
        tabIndex={0}
        data-testid={`${name}-drop`}
        onClick={() => input.current?.click()}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            input.current?.click();
          }
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{
          border: `2px dashed ${dragging || focused ? TAG_COLORS.blue : 'rgba(0, 0, 0, 0.45)'}`,
          outline: focused ? `2px solid ${TAG_COLORS.blue}` : 'none',
          outlineOffset: 2,
          borderRadius: 8,
          padding: '20px 16px',
          textAlign: 'center',
          cursor: 'pointer',
          background: dragging ? 'rgba(11, 87, 164, 0.06)' : 'rgba(0, 0, 0, 0.02)',
          marginBottom: 16,
        }}
      >
        <InboxOutlined aria-hidden style={{ fontSize: 32, color: TAG_COLORS.blue }} />
        <div style={{ fontWeight: 500, marginTop: 4 }}>
          {file ? t('spreadsheet.chosen', { name: file.name, size: formatBytes(file.size, locale) }) : t('spreadsheet.drop')}
        </div>
        <Typography.Text type="secondary">
          {t('spreadsheet.hint', { kinds, max })}
        </Typography.Text>
        <input
          ref={input}
          id={`${name}-file`}
          type="file"
          accept={accept}
          tabIndex={-1}
          aria-hidden
          style={{ display: 'none' }}
          onChange={(event) => {
            void pick(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
      {problem ? <Alert role="alert" type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      <Space wrap>
        <Button type={checkedClean ? 'default' : 'primary'} disabled={!file || disabled} loading={send.isPending && send.variables === true} onClick={() => send.mutate(true)}>
          {t('spreadsheet.check')}
        </Button>
        <Popconfirm
          title={t('spreadsheet.confirmRun', { count: result?.dataRows ?? 0, target: target ?? t('spreadsheet.defaultTarget') })}
          description={t('spreadsheet.confirmRunHelp')}
          okText={t('spreadsheet.confirmRunOk')}
          cancelText={t('common.cancel')}
          disabled={!file || !checkedClean || disabled}
          onConfirm={() => send.mutate(false)}
        >
          <Button type="primary" disabled={!file || !checkedClean || disabled} loading={send.isPending && send.variables === false}>
            {t('spreadsheet.run')}
          </Button>
        </Popconfirm>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('spreadsheet.runHelp')}
      </Typography.Paragraph>
      {progress !== null ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text>{t('spreadsheet.sending')}</Typography.Text>
          <Progress percent={Math.round(progress * 100)} status="active" aria-label={t('spreadsheet.sending')} />
        </div>
      ) : null}
      {send.isError ? <Alert role="alert" type="error" showIcon title={t('spreadsheet.failed')} description={errorMessage(send.error)} style={{ marginTop: 16 }} /> : null}
      <div aria-live="polite">{result ? <ImportAnswer result={result} renderSummary={renderSummary} /> : null}</div>
    </Card>
  );
}

function ImportAnswer<TResult extends SpreadsheetImportResult>({ result, renderSummary }: { result: TResult; renderSummary?: ((result: TResult) => ReactNode) | undefined }) {
  const t = useT();
  const count = result.dataRows;
  const read = [t('spreadsheet.read', { count }), result.sheetName ? t('spreadsheet.sheet', { name: result.sheetName }) : null, result.fileKind ? `.${result.fileKind}` : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <div style={{ marginTop: 16 }} data-testid="import-result">
      {result.errors.length > 0 ? (
        <Alert role="alert" type="error" showIcon title={t('spreadsheet.errorsTitle', { count: result.errors.length })} description={read} style={{ marginBottom: 12 }} />
      ) : result.written ? (
        <Alert role="status" type="success" showIcon title={t('spreadsheet.written', { count })} description={read} />
      ) : (
        <Alert role="status" type="info" showIcon title={t('spreadsheet.checkedClean', { count })} description={read} />
      )}
      {result.errors.length > 0 ? (
        <Table
          size="small"
          data-testid="import-errors"
          pagination={result.errors.length > 50 ? { pageSize: 50 } : false}
          dataSource={result.errors.map((error, key) => ({ ...error, key }))}
          columns={[
            { title: t('spreadsheet.errorRow'), dataIndex: 'row', width: 80, render: (row: number) => (row === 0 ? t('spreadsheet.fileLevel') : row) },
            { title: t('spreadsheet.errorColumn'), dataIndex: 'column', width: 220 },
            { title: t('spreadsheet.errorMessage'), dataIndex: 'message' },
          ]}
        />
      ) : null}
      {renderSummary ? <div style={{ marginTop: 12 }}>{renderSummary(result)}</div> : null}
      {result.ignoredColumns.length > 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('spreadsheet.ignored', { columns: result.ignoredColumns.join(', ') })}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
