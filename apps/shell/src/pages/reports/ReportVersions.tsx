import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Modal, Space, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { TASK_STATUSES } from '@dondoc/core';
import { ErrorPanel, formatDate, formatDateTime, personLabel, formatRate, Section, useLocale, useT } from '@dondoc/ui';
import { core, type ReportView } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import { EvidenceDownloadButton } from '../../core/download.tsx';
import { ReportStateTag, TaskStatusTag } from '../../core/tags.tsx';
import { MultilineText } from '../../core/ui.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ReportItemView } from './ReportEditor.tsx';

type Figures = ReportView['figures'];
type VersionSummary = ReportView['versions'][number];
type VersionView = Awaited<ReturnType<typeof core.reports.version.query>>;
type Line = VersionView['lines'][number];

/** A frozen line as the report page shows an item. */
function itemOfLine(line: Line): ReportView['items'][number] {
  return {
    task: { id: line.taskId, code: line.code, title: line.title, deadline: line.deadline, continuous: line.continuous, status: line.status, progress: line.taskProgress },
    progress: line.progress,
    result: line.result,
    obstacles: line.obstacles,
    proposals: line.proposals,
    beyondAuthority: line.beyondAuthority,
  };
}

/** The figures of a report: counts by status as of the data window's end, completion rate with its formula, due in the period. */
export function FiguresList({ figures }: { figures: Figures }) {
  const t = useT('shell');
  const { locale } = useLocale();
  return (
    <>
      <dl className="dondoc-stats dondoc-stats-small">
        <div>
          <dt>{t('report.figuresAsOf')}</dt>
          <dd className="dondoc-stat-big">{formatDate(figures.asOf)}</dd>
        </div>
        <div>
          <dt>{t('report.figuresLines')}</dt>
          <dd className="dondoc-stat-big">{figures.lines}</dd>
        </div>
        <div className="dondoc-stat-wide">
          <dt>{t('overview.completionRate')}</dt>
          <dd>
            <span className="dondoc-stat-big">{formatRate(figures.completionRate, locale)}</span>
            <span className="dondoc-stat-formula">{t('overview.rateFormula')}</span>
          </dd>
        </div>
        <div>
          <dt>{t('report.dueInPeriod')}</dt>
          <dd className="dondoc-stat-big">{figures.dueInPeriod}</dd>
        </div>
      </dl>
      <ul className="dondoc-count-list" aria-label={t('task.countsByStatus')}>
        {TASK_STATUSES.map((status) => (
          <li key={status}>
            <TaskStatusTag status={status} /> <strong>{figures.counts[status]}</strong>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The frozen figures of a submitted or accepted report. */
export function ReportFiguresPanel({ figures, frozenVersion }: { figures: Figures; frozenVersion: number | null }) {
  const t = useT('shell');
  return (
    <Section title={t('report.figuresTitle')}>
      {frozenVersion !== null ? (
        <Typography.Paragraph type="secondary" className="dondoc-small">
          {t('report.figuresFrozen', { number: frozenVersion })}
        </Typography.Paragraph>
      ) : null}
      <FiguresList figures={figures} />
    </Section>
  );
}

/**
 * "Các lần gửi": every submission of the report, newest first, with its state, who submitted
 * and reviewed it and why it was returned; a submission other than the one on the page opens
 * read-only in a dialog (`reports.version`).
 */
export function ReportVersionsPanel({ data }: { data: ReportView }) {
  const t = useT('shell');
  const labels = { unit: data.unit.name, period: data.period.label };
  const [open, setOpen] = useState<number | null>(null);
  const reportId = data.report?.id ?? null;
  if (!reportId || data.versions.length === 0) return null;
  return (
    <Section title={t('report.versionsTitle', { count: data.versions.length })}>
      <ol className="dondoc-version-list" reversed>
        {data.versions.map((version) => (
          <li key={version.number}>
            <VersionLine version={version} />
            <div className="dondoc-gap-small">
              {version.number === data.frozenVersion ? (
                <Typography.Text type="secondary">({t('report.versionShowing')})</Typography.Text>
              ) : (
                <Button size="small" icon={<EyeOutlined aria-hidden />} onClick={() => setOpen(version.number)}>
                  {t('report.versionOpen', { number: version.number })}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ol>
      {open !== null ? (
        <VersionDialog reportId={reportId} number={open} unitName={labels.unit} periodLabel={labels.period} onClose={() => setOpen(null)} />
      ) : null}
    </Section>
  );
}

function VersionLine({ version }: { version: VersionSummary }) {
  const t = useT('shell');
  return (
    <>
      <Space size={[8, 4]} wrap>
        <strong>{t('report.versionNumber', { number: version.number })}</strong>
        <ReportStateTag state={version.state} />
        <Typography.Text>
          {t('report.submittedAt')}: {t('report.byAt', { by: personLabel(version.submittedBy), at: formatDateTime(version.submittedAt) })}
        </Typography.Text>
        {version.reviewedAt ? (
          <Typography.Text>
            {t('report.reviewedAt')}: {t('report.byAt', { by: version.reviewedBy ? personLabel(version.reviewedBy) : '', at: formatDateTime(version.reviewedAt) })}
          </Typography.Text>
        ) : null}
      </Space>
      {version.returnReason ? (
        <div>
          <strong>{t('report.returnReason')}:</strong> <MultilineText text={version.returnReason} />
        </div>
      ) : null}
    </>
  );
}

function VersionDialog({
  reportId,
  number,
  unitName,
  periodLabel,
  onClose,
}: {
  reportId: string;
  number: number;
  unitName: string;
  periodLabel: { vi: string; en: string };
  onClose: () => void;
}) {
  const t = useT('shell');
  const { locale } = useLocale();
  const query = useQuery({ queryKey: coreKeys.reportVersion(reportId, number), queryFn: () => core.reports.version.query({ reportId, number }) });
  return (
    <Modal
      open
      width={960}
      title={t('report.versionTitle', { unit: unitName, period: periodLabel[locale], number })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      {query.isPending ? (
        <Loading text={t('report.versionLoading')} />
      ) : query.isError ? (
        <ErrorPanel headingLevel={3} title={t('report.versionLoadFailed')} error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div className="dondoc-version-view">
          <Alert type="info" showIcon className="dondoc-gap" title={t('report.versionReadOnly', { number })} />
          <VersionLine version={query.data} />
          <h3 className="dondoc-item-title dondoc-gap-top">{t('report.figuresTitle')}</h3>
          <FiguresList figures={query.data.figures} />
          <h3 className="dondoc-item-title">{t('report.itemsTitle', { count: query.data.lines.length })}</h3>
          {query.data.lines.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.noItems')} />
          ) : (
            <ol className="dondoc-report-items">
              {query.data.lines.map((line) => (
                <li key={line.taskId} className="dondoc-report-item">
                  <ReportItemView item={itemOfLine(line)} headingLevel={4} idPrefix={`version-${number}`} frozen />
                </li>
              ))}
            </ol>
          )}
          <h3 className="dondoc-item-title">{t('report.versionEvidence', { count: query.data.evidence.length })}</h3>
          {query.data.evidence.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('evidence.none')}</Typography.Paragraph>
          ) : (
            <ul className="dondoc-plain-list">
              {query.data.evidence.map((file) => (
                <li key={file.id} className="dondoc-gap-small">
                  <EvidenceDownloadButton file={file} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Modal>
  );
}
