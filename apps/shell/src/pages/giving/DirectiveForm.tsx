import { useId } from 'react';
import { Alert, Button, Form, Input, Progress, Typography } from 'antd';
import { CloseOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { formatBytes, formatDateTime, fromDayjs, LimitedText, maxTextRule, typedDateRule, useLocale, useT, personLabel, type PersonRef, FilePicker } from '@dondoc/ui';
import { DateField } from '@dondoc/ui/date-picker';
import { attachDirective } from '../../core/upload.ts';
import './giving.css';

/** What the directive form holds. */
export interface DirectiveValues {
  number: string;
  issuedOn: Dayjs | null;
  issuer: string;
  subject: string;
  signer: string;
  fullText: string;
}

/** The form's values as `directives.create` / `directives.update` take them. */
export function directiveInput(values: DirectiveValues) {
  return {
    number: values.number.trim(),
    issuedOn: fromDayjs(values.issuedOn)!,
    issuer: values.issuer.trim(),
    subject: values.subject.trim(),
    signer: values.signer?.trim() ? values.signer.trim() : null,
    fullText: values.fullText ?? '',
  };
}

/** The usual issuing authority: its official name, the same in either language (it is the document's data). */
export const DEFAULT_ISSUER = 'UBND Thành phố Hà Nội';

const NUMBER_PATTERN = /^\s*[0-9A-Za-z][0-9A-Za-z.-]*\s*\/\s*\S.*$/;
export const DIRECTIVE_FILE_ACCEPT = '.pdf,.docx';
const DIRECTIVE_FILE_MAX = 5 * 1024 * 1024;

/** Why a file cannot be the directive's text (before reading it), or null. */
export function directiveFileProblem(file: { name: string; size: number }): 'type' | 'size' | 'empty' | null {
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  if (ext !== 'pdf' && ext !== 'docx') return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > DIRECTIVE_FILE_MAX) return 'size';
  return null;
}

/** Sends the file as the directive's text (`directives.attach`), with upload progress. */
export function attachDirectiveFile(directiveId: string, file: File, onProgress: (fraction: number) => void) {
  return attachDirective({ directiveId, file }, onProgress);
}

/**
 * The fields of a directive: number, date, issuing authority, subject, signer and text. It
 * sits inside the caller's `<Form>`; `hasFile` says whether a file stands for the text
 * (then the text may stay empty).
 */
export function DirectiveFields({ hasFile }: { hasFile: boolean }) {
  const t = useT('shell');
  return (
    <>
      <div className="dondoc-form-grid">
        <Form.Item
          name="number"
          label={t('giving.number')}
          extra={t('directiveForm.numberHelp')}
          rules={[
            { required: true, whitespace: true, message: t('directiveForm.numberRequired') },
            { pattern: NUMBER_PATTERN, message: t('directiveForm.numberFormat') },
            maxTextRule(100),
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('giving.issuedOn')} rules={[typedDateRule(), { required: true, message: t('directiveForm.issuedOnRequired') }]}>
          <DateField placeholder={t('common.datePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="issuer"
          label={t('giving.issuer')}
          rules={[
            { required: true, whitespace: true, message: t('directiveForm.issuerRequired') },
            maxTextRule(300),
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="signer" label={t('giving.signer')} rules={[maxTextRule(200)]}>
          <Input placeholder={t('directiveForm.signerPlaceholder')} />
        </Form.Item>
      </div>
      <Form.Item
        name="subject"
        label={t('giving.subject')}
        rules={[
          { required: true, whitespace: true, message: t('directiveForm.subjectRequired') },
          maxTextRule(1000),
        ]}
      >
        <LimitedText autoSize={{ minRows: 2, maxRows: 5 }} max={1000} />
      </Form.Item>
      <Form.Item
        name="fullText"
        label={t('directiveForm.fullText')}
        extra={t('directiveForm.fullTextHelp')}
        rules={[
          maxTextRule(500_000),
          {
            validator: (_, value: string | undefined) =>
              hasFile || (value ?? '').trim() ? Promise.resolve() : Promise.reject(new Error(t('directiveForm.textOrFile'))),
          },
        ]}
      >
        <LimitedText autoSize={{ minRows: 4, maxRows: 16 }} max={500_000} />
      </Form.Item>
    </>
  );
}

type Phase = { fraction: number; filename: string } | null;

/**
 * Chooses the PDF/DOCX file of the directive's text: checked here first (kind, size), then
 * either kept for later (`onChoose`, before the directive exists) or sent at once by the caller.
 */
export function DirectiveFilePicker({
  chosen,
  existing,
  onChoose,
  phase,
  problem,
  onProblem,
}: {
  chosen: File | null;
  existing: { filename: string; size: number; uploadedBy: PersonRef | null; uploadedAt: string } | null;
  onChoose: (file: File | null) => void;
  phase?: Phase;
  problem: string | null;
  onProblem: (text: string | null) => void;
}) {
  const t = useT('shell');
  const { locale } = useLocale();
  const id = `directive-file-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const labelId = `${id}-label`;
  const pick = (file: File) => {
    onProblem(null);
    const issue = directiveFileProblem(file);
    if (issue) {
      const size = formatBytes(file.size, locale);
      onProblem(
        issue === 'type'
          ? t('directiveForm.fileWrongType', { name: file.name })
          : issue === 'empty'
            ? t('directiveForm.fileEmpty', { name: file.name })
            : t('directiveForm.fileTooBig', { name: file.name, size }),
      );
      return;
    }
    onChoose(file);
  };
  return (
    <div className="dondoc-file-picker" role="group" aria-labelledby={labelId}>
      <div id={labelId} className="dondoc-field-label">
        {t('directiveForm.file')}
      </div>
      <Typography.Paragraph type="secondary" className="dondoc-small">
        {t('directiveForm.fileHelp')}
      </Typography.Paragraph>
      {existing ? (
        <p className="dondoc-file-line">
          <PaperClipOutlined aria-hidden />{' '}
          {t('directiveForm.attachedFile', {
            name: existing.filename,
            size: formatBytes(existing.size, locale),
            by: personLabel(existing.uploadedBy),
            at: formatDateTime(existing.uploadedAt),
          })}
        </p>
      ) : null}
      <FilePicker
        id={id}
        accept={DIRECTIVE_FILE_ACCEPT}
        label={existing ? t('directiveForm.replaceFile') : t('directiveForm.chooseFile')}
        chosen={chosen ? t('directiveForm.fileChosen', { name: chosen.name, size: formatBytes(chosen.size, locale) }) : existing ? existing.filename : null}
        onPick={pick}
        loading={!!phase}
      >
        {chosen ? (
          <Button
            size="small"
            type="text"
            icon={<CloseOutlined aria-hidden />}
            aria-label={t('directiveForm.removeFile', { name: chosen.name })}
            onClick={() => onChoose(null)}
          />
        ) : null}
      </FilePicker>
      <div role="status" aria-live="polite" className="dondoc-upload-status">
        {phase ? (
          <>
            <span>{t('directiveForm.uploading', { name: phase.filename })}</span>
            <Progress percent={Math.round(phase.fraction * 100)} status="active" aria-label={t('evidence.progress')} />
          </>
        ) : null}
      </div>
      {problem ? <Alert type="error" showIcon title={problem} className="dondoc-gap" closable onClose={() => onProblem(null)} /> : null}
    </div>
  );
}
