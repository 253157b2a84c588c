import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Checkbox, Form, Input, InputNumber, Progress, Space, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { errorMessage, formatDate, fromDayjs, isAfterToday, LimitedText, maxTextRule, toDayjs, typedDateRule, useAccess, useLocale, useT, useVersionedForm, FilePicker } from '@dondoc/ui';
import { DateField } from '@dondoc/ui/date-picker';
import { perm } from '../../core/access.ts';
import { core, type TaskDetail } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import { EvidenceDownloadButton } from '../../core/download.tsx';
import { attachTaskResult, EVIDENCE_ACCEPT, evidenceProblemText } from '../../core/upload.ts';

interface UpdateValues {
  progress: number | null;
  result?: string;
  completedOn?: Dayjs | null;
  resultDocNumber?: string;
  resultDocDate?: Dayjs | null;
  note?: string;
  /** An officer's completion goes to the unit's lead to confirm. */
  confirmByLead?: boolean;
}

type ResultFile = NonNullable<TaskDetail['resultFile']>;
type Phase = { step: 'uploading'; fraction: number; filename: string } | null;

const blank = (text: string | null | undefined) => !text || !text.trim();

/**
 * The lead unit's progress update (progress %, completion date, result, note). A completion
 * asks for its result: the result document (number and date) or an evidence file, uploaded
 * at once with `tasks.attachResult` (with progress) and named in the save; without either the
 * form refuses before saving and says what is missing. It sends the version it was opened
 * with; when someone else saved in between, the server answers CONFLICT naming them: the
 * message is shown with "Tải lại", which fetches the latest task without touching what was
 * typed (nor the file chosen), so the user can check and save again.
 */
export function TaskUpdateForm({ task }: { task: TaskDetail }) {
  const t = useT('shell');
  const { locale } = useLocale();
  const access = useAccess();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UpdateValues>();
  const completedOnValue = Form.useWatch('completedOn', form);
  // A text that reads as no day is refused by its rule; it does not complete the task.
  const completedOn = completedOnValue?.isValid() ? completedOnValue : null;
  const [problem, setProblem] = useState<string | null>(null);
  // The result's evidence file: the one on record, or one uploaded in this form (not yet saved).
  const [resultFile, setResultFile] = useState<ResultFile | null>(task.resultFile);
  const [fileTouched, setFileTouched] = useState(false);
  const [phase, setPhase] = useState<Phase>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);

  // The version the user is editing: the one read when the form opened, moved on only by a
  // successful save or an explicit reload (never silently by a background refresh).
  const versioned = useVersionedForm({
    version: task.version,
    form,
    save: (values: UpdateValues, version: number) => {
      const completed = fromDayjs(values.completedOn);
      return core.tasks.update.mutate({
        id: task.id,
        version,
        progress: values.progress ?? 0,
        result: values.result?.trim() ? values.result.trim() : null,
        completedOn: completed,
        // The result goes with a completion; without one, what is on record stays as it is.
        ...(completed
          ? {
              resultDocNumber: blank(values.resultDocNumber) ? null : values.resultDocNumber!.trim(),
              resultDocDate: fromDayjs(values.resultDocDate),
              resultFileId: resultFile?.id ?? null,
            }
          : {}),
        note: values.note?.trim() ? values.note.trim() : null,
        ...(completed && values.confirmByLead ? { confirmByLead: true } : {}),
      });
    },
    onSaved: (saved) => {
      setFileTouched(false);
      form.setFieldsValue({ progress: saved.progress, note: '' });
      if (saved.unchanged) void message.info(t('task.noChange'));
      else void message.success(t('task.saved'));
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
    },
    // Fields the user has not touched take the newer values; what they typed stays.
    reload: async () => {
      const fresh = await core.tasks.get.query({ id: task.id });
      if (!fileTouched) setResultFile(fresh.resultFile);
      void queryClient.invalidateQueries({ queryKey: ['core', 'task', task.id] });
      const values = {
        progress: fresh.progress,
        result: fresh.result ?? '',
        completedOn: toDayjs(fresh.completedOn),
        resultDocNumber: fresh.resultDocNumber ?? '',
        resultDocDate: toDayjs(fresh.resultDocDate),
      };
      return { version: fresh.version, values };
    },
  });
  const save = versioned.mutation;

  /** A file may stand in for the result document: re-check the document fields once it changes. */
  const recheckResult = () => {
    if (form.getFieldError('resultDocNumber').length > 0) void form.validateFields(['resultDocNumber']).catch(() => undefined);
  };

  const upload = async (file: File) => {
    setFileProblem(null);
    const issue = evidenceProblemText(file, t, locale);
    if (issue) {
      setFileProblem(issue);
      return;
    }
    try {
      setPhase({ step: 'uploading', fraction: 0, filename: file.name });
      const attached = await attachTaskResult({ taskId: task.id, file }, (fraction) =>
        setPhase({ step: 'uploading', fraction, filename: file.name }),
      );
      setResultFile({ id: attached.id, filename: attached.filename, size: attached.size, contentType: attached.contentType });
      setFileTouched(true);
      void message.success(t('task.resultFileUploaded', { name: attached.filename }));
      setProblem(null);
      setTimeout(recheckResult, 0);
    } catch (error) {
      setFileProblem(t('evidence.refused', { name: file.name, reason: errorMessage(error) }));
    } finally {
      setPhase(null);
    }
  };

  const percent = phase ? Math.round(phase.fraction * 100) : 0;
  const busy = save.isPending || !!phase;

  return (
    <Form<UpdateValues>
      form={form}
      name={`task-update-${task.id}`}
      layout="vertical"
      initialValues={{
        progress: task.progress,
        result: task.result ?? '',
        completedOn: toDayjs(task.completedOn),
        resultDocNumber: task.resultDocNumber ?? '',
        resultDocDate: toDayjs(task.resultDocDate),
        note: '',
      }}
      onFinish={(values) => {
        // The result's fields appear with the completion date; read them from the store, so
        // that a date typed and sent at once with Enter is checked too.
        const all: UpdateValues = { ...values, resultDocNumber: form.getFieldValue('resultDocNumber'), resultDocDate: form.getFieldValue('resultDocDate') };
        if (fromDayjs(all.completedOn) && blank(all.resultDocNumber) && !all.resultDocDate && !resultFile) {
          setProblem(t('task.resultRequired'));
          setTimeout(() => void form.validateFields(['resultDocNumber']).catch(() => undefined), 0);
          return;
        }
        setProblem(null);
        versioned.submit(all);
      }}
      onFinishFailed={({ errorFields }) => {
        const missingResult = errorFields.some((field) => field.errors.includes(t('task.resultRequired')));
        setProblem(missingResult ? t('task.resultRequired') : t('common.checkFields'));
      }}
      onValuesChange={(changed: Partial<UpdateValues>) => {
        // A completion date means the task is done: 100 %.
        if (changed.completedOn?.isValid()) form.setFieldValue('progress', 100);
        if (problem) setProblem(null);
      }}
      disabled={save.isPending}
      className="dondoc-form"
    >
      {versioned.alerts}
      <Space size="large" wrap align="start">
        <Form.Item
          name="progress"
          label={t('task.progressPercent')}
          dependencies={['completedOn']}
          rules={[
            { required: true, message: t('task.progressRequired') },
            { type: 'integer', min: 0, max: 100, message: t('task.progressRange') },
            // The server's rule, before sending: with a completion date the progress is 100; another
            // figure is refused (not saved as 100), saying to clear the date (kept) or to record 100 (new).
            ({ getFieldValue }) => ({
              validator: (_, value: number | null | undefined) => {
                const date = fromDayjs(getFieldValue('completedOn') as Dayjs | null | undefined);
                if (date && typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 100) {
                  const key = date === task.completedOn ? 'task.progressDone' : 'task.progressWithDate';
                  return Promise.reject(new Error(t(key, { date: formatDate(date), progress: value })));
                }
                return Promise.resolve();
              },
            }),
          ]}
        >
          {/* No min/max: 150 stays 150 and is refused by the rule, never turned into 100. */}
          <InputNumber step={5} suffix="%" className="dondoc-number" />
        </Form.Item>
        <Form.Item
          name="completedOn"
          label={t('task.completedOn')}
          extra={t('task.completedOnHelp')}
          rules={[
            typedDateRule(),
            {
              validator: (_, value: Dayjs | null | undefined) =>
                value && isAfterToday(value) ? Promise.reject(new Error(t('task.completedFuture'))) : Promise.resolve(),
            },
          ]}
        >
          <DateField disabledDate={isAfterToday} placeholder={t('common.datePlaceholder')} />
        </Form.Item>
      </Space>

      {completedOn ? (
        <fieldset className="dondoc-result-group">
          <legend className="dondoc-list-heading">{t('task.resultTitle')}</legend>
          <Typography.Paragraph type="secondary">{t('task.resultHelp')}</Typography.Paragraph>
          <Space size="large" wrap align="start">
            <Form.Item
              name="resultDocNumber"
              label={t('task.resultDocNumber')}
              dependencies={['resultDocDate', 'completedOn']}
              rules={[
                maxTextRule(100),
                ({ getFieldValue }) => ({
                  validator: (_, value: string | undefined) => {
                    const dated = !!getFieldValue('resultDocDate');
                    if (blank(value) && dated) return Promise.reject(new Error(t('task.resultDocNumberMissing')));
                    if (blank(value) && !resultFile) return Promise.reject(new Error(t('task.resultRequired')));
                    return Promise.resolve();
                  },
                }),
              ]}
            >
              <Input placeholder={t('task.resultDocNumberPlaceholder')} className="dondoc-doc-number" />
            </Form.Item>
            <Form.Item
              name="resultDocDate"
              label={t('task.resultDocDate')}
              dependencies={['resultDocNumber']}
              rules={[
                typedDateRule(),
                ({ getFieldValue }) => ({
                  validator: (_, value: Dayjs | null | undefined) => {
                    if (value && isAfterToday(value)) return Promise.reject(new Error(t('task.resultDocDateFuture')));
                    if (!value && !blank(getFieldValue('resultDocNumber'))) return Promise.reject(new Error(t('task.resultDocDateMissing')));
                    return Promise.resolve();
                  },
                }),
              ]}
            >
              <DateField disabledDate={isAfterToday} placeholder={t('common.datePlaceholder')} />
            </Form.Item>
          </Space>
          <span className="dondoc-result-or">{t('task.resultOr')}</span>
          <div className="dondoc-gap">
            <div className="dondoc-list-heading" id={`result-file-${task.id}`}>
              {t('task.resultFile')}
            </div>
            <Typography.Paragraph type="secondary" className="dondoc-small">
              {t('evidence.help')}
            </Typography.Paragraph>
            <div role="group" aria-labelledby={`result-file-${task.id}`}>
              <FilePicker
                accept={EVIDENCE_ACCEPT}
                label={resultFile ? t('task.resultFileReplace') : t('task.resultFileChoose')}
                chosen={resultFile ? <EvidenceDownloadButton file={resultFile} /> : t('task.resultFileNone')}
                onPick={(file) => void upload(file)}
                loading={!!phase}
                disabled={save.isPending}
              >
                {resultFile ? (
                  <Button
                    size="small"
                    icon={<DeleteOutlined aria-hidden />}
                    disabled={busy}
                    aria-label={t('task.resultFileRemoveFor', { name: resultFile.filename })}
                    onClick={() => {
                      setResultFile(null);
                      setFileTouched(true);
                    }}
                  >
                    {t('task.resultFileRemove')}
                  </Button>
                ) : null}
              </FilePicker>
            </div>
            <div role="status" aria-live="polite" className="dondoc-upload-status">
              {phase ? (
                <>
                  <span>
                    {t('evidence.uploading', { name: phase.filename })}
                  </span>
                  <Progress percent={percent} status="active" aria-label={t('evidence.progress')} />
                </>
              ) : null}
            </div>
            {fileProblem ? <Alert type="error" showIcon title={fileProblem} className="dondoc-gap" closable onClose={() => setFileProblem(null)} /> : null}
          </div>
          {access.can(perm.tasksConfirm) ? null : (
            <Form.Item name="confirmByLead" valuePropName="checked" extra={t('leadStep.confirmByLeadHelp')}>
              <Checkbox>{t('leadStep.confirmByLead')}</Checkbox>
            </Form.Item>
          )}
        </fieldset>
      ) : null}

      <Form.Item name="result" label={t('task.result')} rules={[maxTextRule(5000)]}>
        <LimitedText rows={4} max={5000} />
      </Form.Item>
      <Form.Item name="note" label={t('task.note')} rules={[maxTextRule(2000)]}>
        <LimitedText rows={2} max={2000} placeholder={t('task.notePlaceholder')} />
      </Form.Item>
      {problem ? <Alert type="error" showIcon className="dondoc-gap" title={problem} /> : null}
      <Button type="primary" htmlType="submit" loading={save.isPending} disabled={busy}>
        {t('task.saveUpdate')}
      </Button>
    </Form>
  );
}
