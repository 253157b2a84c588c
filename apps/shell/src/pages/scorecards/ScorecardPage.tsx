import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Breadcrumb, Button, Descriptions, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { SCORE_CLASS_LABELS } from '@dondoc/core';
import { downloadFile, ErrorPanel, errorMessage, Section, StatusTag, uploadForm, uploadWithProgress, useDocumentTitle, useLocale, useT } from '@dondoc/ui';
import { SCORE_CLASS_COLORS, ScorecardTree, type ScorecardEstimate } from '@dondoc/ui/panels';
import { SpreadsheetImport, type SpreadsheetImportResult } from '@dondoc/ui/spreadsheet-import';
import { core, type ScorecardDetail } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import { Loading } from '../../components/Loading.tsx';
import { indexName } from './ScorecardsPage.tsx';

type ImportResult = SpreadsheetImportResult<{ added: number; changed: number; removed: number }>;

/** `/chi-so/:id`: one scorecard — its total, sources, the tree to estimate, the xlsx to file or import. */
export function ScorecardPage() {
  const { id = '' } = useParams();
  const t = useT('shell');
  const card = useQuery({ queryKey: coreKeys.scorecard(id), queryFn: () => core.scorecards.get.query({ id }) });
  useDocumentTitle(card.data ? `${card.data.name} ${card.data.year}` : t('scorecards.title'));
  if (card.isPending) return <Loading text={t('common.loading')} />;
  if (card.isError) return <ErrorPanel title={t('scorecards.loadFailed')} error={card.error} onRetry={() => void card.refetch()} />;
  return <ScorecardView card={card.data} />;
}

function ScorecardView({ card }: { card: ScorecardDetail }) {
  const t = useT('shell');
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [downloading, setDownloading] = useState(false);
  const [search] = useSearchParams();
  const refresh = () => queryClient.invalidateQueries({ queryKey: coreKeys.all });

  const save = async (estimate: ScorecardEstimate) => {
    const saved = await core.scorecards.saveEstimate.mutate(estimate);
    void message.success(saved.escalationId ? `${t('scorecards.saved', { shown: saved.total.shown })} ${t('scorecards.escalated')}` : t('scorecards.saved', { shown: saved.total.shown }));
    void refresh();
  };
  const download = async () => {
    setDownloading(true);
    try {
      const file = await core.scorecards.export.query({ id: card.id });
      downloadFile({ fileName: file.filename, mimeType: file.contentType, contentBase64: file.dataBase64 });
    } catch (error) {
      void message.error(`${t('scorecards.exportFailed')}: ${errorMessage(error)}`);
    } finally {
      setDownloading(false);
    }
  };
  const send = (dryRun: boolean) => (file: File, onProgress: (fraction: number) => void) =>
    uploadWithProgress<ImportResult>('core', 'scorecards.import', uploadForm(file, { id: card.id, dryRun }), onProgress);

  return (
    <div className="dondoc-page">
      <Breadcrumb className="dondoc-breadcrumb" items={[{ title: <Link to="/chi-so">{t('scorecards.title')}</Link> }, { title: `${card.name} ${card.year}` }]} />
      <Typography.Title level={1}>{`${indexName(card.index, card.name, locale)} — ${t('scorecards.year', { year: card.year })}`}</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('scorecards.projected')}>
          <strong>{card.total?.shown ?? '—'}</strong> {card.total ? <StatusTag value={card.total.class} labels={SCORE_CLASS_LABELS} colors={SCORE_CLASS_COLORS} /> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('scorecards.owner')}>{card.ownerUnit.name}</Descriptions.Item>
        <Descriptions.Item label={t('scorecards.lastYear')}>{card.total?.lastYearShown ?? '—'}{card.lastYearRank ? ` · ${t('scorecards.rank')}: ${card.lastYearRank}` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('scorecards.coreTarget')}>{card.target ? <Link to={`/chi-tieu/${card.target.code}`}>{card.target.code}</Link> : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('scorecards.task')}>{card.task ? <Link to={`/nhiem-vu/${card.task.id}`}>{`${card.task.code} ${card.task.title}`}</Link> : '—'}</Descriptions.Item>
      </Descriptions>
      {card.unverifiedNote ? <Alert type="warning" showIcon className="dondoc-scorecard-unverified" message={`${t('scorecards.unverifiedNote')}: ${card.unverifiedNote}`} /> : null}
      <Section
        title={t('scorecards.title')}
        extra={
          <Button icon={<DownloadOutlined aria-hidden />} loading={downloading} onClick={() => void download()}>
            {t('scorecards.export')}
          </Button>
        }
      >
        <ScorecardTree nodes={card.nodes} classLabels={SCORE_CLASS_LABELS} onSaveEstimate={save} highlightId={search.get('nut')} />
      </Section>
      <Section title={t('scorecards.sources')}>
        <ul>
          {card.sources.map((source) => (
            <li key={source.url}>
              <a href={source.url} target="_blank" rel="noreferrer noopener">
                {source.label}
              </a>
            </li>
          ))}
        </ul>
      </Section>
      {card.mayEdit ? (
        <Section title={t('scorecards.importTitle')}>
          <Typography.Paragraph type="secondary">{t('scorecards.importIntro')}</Typography.Paragraph>
          <SpreadsheetImport<ImportResult>
            name="scorecard-import"
            target={t('scorecards.importTarget', { name: card.name, year: card.year })}
            check={send(true)}
            run={send(false)}
            onWritten={() => void refresh()}
            renderSummary={(result) => <Typography.Paragraph>{t('scorecards.importSummary', result.summary)}</Typography.Paragraph>}
          />
        </Section>
      ) : null}
    </div>
  );
}
