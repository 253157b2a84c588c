import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Progress, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadFile, errorMessage, formatBytes, formatDateTime, personLabel, Section, useLocale, useT, FilePicker } from '@dondoc/ui';
import { core, type ReportView } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import { attachEvidence, EVIDENCE_ACCEPT, evidenceProblemText } from '../../core/upload.ts';

type Phase = { step: 'uploading'; fraction: number; filename: string } | null;

/**
 * Evidence files of a report: pdf, docx, xlsx, png or jpg up to 5 MB, read in the browser and
 * sent as base64 to `reports.attach`, with a progress bar for reading and for uploading. The
 * size and kind are checked here first; the server's refusal (it also checks the file's bytes)
 * is shown as it says it.
 */
export function EvidencePanel({
  reportId,
  editable,
  evidence,
  items,
}: {
  reportId: string | null;
  editable: boolean;
  evidence: ReportView['evidence'];
  items: ReportView['items'];
}) {
  const t = useT('shell');
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<string | null>(null);
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [phase, setPhase] = useState<Phase>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const taskCode = new Map(items.map((item) => [item.task.id, item.task.code]));

  const send = async (file: File) => {
    setProblem(null);
    setPicked(file.name);
    const issue = evidenceProblemText(file, t, locale);
    if (issue) {
      setProblem(issue);
      return;
    }
    if (!reportId) return;
    try {
      setPhase({ step: 'uploading', fraction: 0, filename: file.name });
      const attached = await attachEvidence({ reportId, taskId, file }, (fraction) =>
        setPhase({ step: 'uploading', fraction, filename: file.name }),
      );
      void message.success(t('evidence.attached', { name: attached.filename }));
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
    } catch (error) {
      setProblem(t('evidence.refused', { name: file.name, reason: errorMessage(error) }));
    } finally {
      setPhase(null);
    }
  };

  const download = async (id: string) => {
    setDownloading(id);
    try {
      const file = await core.reports.evidence.query({ id });
      downloadFile({ fileName: file.filename, mimeType: file.contentType, contentBase64: file.dataBase64 });
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setDownloading(null);
    }
  };

  const percent = phase ? Math.round(phase.fraction * 100) : 0;

  return (
    <Section title={t('evidence.title', { count: evidence.length })}>
      {editable ? (
        reportId ? (
          <div className="dondoc-evidence-upload">
            <Typography.Paragraph type="secondary">{t('evidence.help')}</Typography.Paragraph>
            <Space wrap align="end">
              <Form layout="vertical" component={false}>
                <Form.Item label={t('evidence.for')} htmlFor="evidence-task" className="dondoc-inline-item">
                  <Select<string>
                    id="evidence-task"
                    allowClear
                    value={taskId}
                    placeholder={t('evidence.wholeReport')}
                    onChange={(value) => setTaskId(value)}
                    options={items.map((item) => ({ value: item.task.id, label: `${item.task.code} — ${item.task.title}` }))}
                    style={{ minWidth: 280, maxWidth: 420 }}
                    popupMatchSelectWidth={false}
                    disabled={!!phase}
                  />
                </Form.Item>
              </Form>
              <FilePicker id="evidence-file" accept={EVIDENCE_ACCEPT} label={t('evidence.choose')} chosen={picked} onPick={(file) => void send(file)} loading={!!phase} />
            </Space>
          </div>
        ) : (
          <Alert type="info" showIcon title={t('evidence.saveFirst')} className="dondoc-gap" />
        )
      ) : null}
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
      {problem ? <Alert type="error" showIcon title={problem} className="dondoc-gap" closable onClose={() => setProblem(null)} /> : null}
      <Table
        size="small"
        rowKey="id"
        dataSource={evidence}
        pagination={false}
        locale={{ emptyText: t('evidence.none') }}
        scroll={{ x: 600 }}
        columns={[
          { title: t('evidence.file'), dataIndex: 'filename' },
          {
            title: t('evidence.forShort'),
            dataIndex: 'taskId',
            render: (id: string | null) => (id ? (taskCode.get(id) ?? '—') : t('evidence.wholeReport')),
          },
          { title: t('evidence.size'), dataIndex: 'size', render: (size: number) => formatBytes(size, locale), width: 90 },
          {
            title: t('evidence.uploaded'),
            key: 'uploaded',
            render: (_, row) => t('report.byAt', { by: personLabel(row.uploadedBy), at: formatDateTime(row.uploadedAt) }),
          },
          {
            title: <span className="dondoc-visually-hidden">{t('tasks.actions')}</span>,
            key: 'download',
            width: 120,
            render: (_, row) => (
              <Button
                size="small"
                icon={<DownloadOutlined aria-hidden />}
                loading={downloading === row.id}
                onClick={() => void download(row.id)}
                aria-label={t('evidence.downloadFile', { name: row.filename })}
              >
                {t('evidence.download')}
              </Button>
            ),
          },
        ]}
      />
    </Section>
  );
}
