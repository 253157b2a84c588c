import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, Table, Typography } from 'antd';
import { INDEX_METHODS, SCORE_CLASS_LABELS, isScorecardIndex } from '@dondoc/core';
import { ErrorPanel, formatNumber, Section, StatusTag, useDocumentTitle, useLocale, useT } from '@dondoc/ui';
import { SCORE_CLASS_COLORS } from '@dondoc/ui/panels';
import { core, type ScorecardListItem } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import { Loading } from '../../components/Loading.tsx';

/** `/chi-so`: the index scorecards, each with its projected score, class and the criteria at risk. */
export function ScorecardsPage() {
  const t = useT('shell');
  useDocumentTitle(t('scorecards.title'));
  const list = useQuery({ queryKey: coreKeys.scorecards, queryFn: () => core.scorecards.list.query({}) });
  return (
    <div className="dondoc-page">
      <Typography.Title level={1}>{t('scorecards.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('scorecards.intro')}</Typography.Paragraph>
      {list.isPending ? (
        <Loading text={t('common.loading')} />
      ) : list.isError ? (
        <ErrorPanel title={t('scorecards.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Empty description={t('scorecards.none')} />
      ) : (
        <ul className="dondoc-target-cards" aria-label={t('scorecards.title')}>
          {list.data.map((card) => (
            <li key={card.id}>
              <ScorecardCard card={card} />
            </li>
          ))}
        </ul>
      )}
      <Typography.Title level={2}>{t('scorecards.rankingTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('scorecards.rankingIntro')}</Typography.Paragraph>
      <UnitRanking year={RANKING_YEAR} kind="department" />
      <UnitRanking year={RANKING_YEAR} kind="district" />
    </div>
  );
}

/** The year of the internal PAR results the page ranks (the demo's: 2023, the last one published). */
const RANKING_YEAR = 2023;

/** The index's full name in the interface language (the scorecard's short name otherwise). */
export function indexName(index: string, fallback: string, locale: 'vi' | 'en'): string {
  return isScorecardIndex(index) ? INDEX_METHODS[index].name[locale] : fallback;
}

function ScorecardCard({ card }: { card: ScorecardListItem }) {
  const t = useT('shell');
  const { locale } = useLocale();
  return (
    <Card size="small" className="dondoc-target-card" title={<Link to={`/chi-so/${card.id}`}>{t('scorecards.open', { name: card.name, year: card.year })}</Link>}>
      <Typography.Paragraph>{indexName(card.index, card.name, locale)}</Typography.Paragraph>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('scorecards.owner')}>{card.ownerUnit.name}</Descriptions.Item>
        <Descriptions.Item label={t('scorecards.projected')}>
          <strong>{card.total?.shown ?? '—'}</strong> {card.total ? <StatusTag value={card.total.class} labels={SCORE_CLASS_LABELS} colors={SCORE_CLASS_COLORS} /> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('scorecards.short')}>{card.shortNodes}</Descriptions.Item>
        {card.lastYearRank ? <Descriptions.Item label={t('scorecards.rank')}>{card.lastYearRank}</Descriptions.Item> : null}
      </Descriptions>
      {card.unverified ? <Typography.Text type="secondary">{t('scorecards.unverified')}</Typography.Text> : null}
    </Card>
  );
}

/** The city's ranking of its departments or districts by internal PAR score, with the move since last year. */
export function UnitRanking({ year, kind }: { year: number; kind: 'department' | 'district' }) {
  const t = useT('shell');
  const { locale } = useLocale();
  const ranking = useQuery({ queryKey: coreKeys.ranking(year, kind), queryFn: () => core.scorecards.ranking.query({ year, kind }) });
  const title = t(kind === 'department' ? 'scorecards.rankingDepartments' : 'scorecards.rankingDistricts', { year });
  if (ranking.isPending) return <Loading text={t('common.loading')} />;
  if (ranking.isError) return <ErrorPanel title={t('scorecards.loadFailed')} error={ranking.error} onRetry={() => void ranking.refetch()} />;
  return (
    <Section title={title} level={2}>
      <Typography.Paragraph>{t('scorecards.rankingMean', { mean: ranking.data.mean === null ? '—' : formatNumber(ranking.data.mean, locale) })}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="unitCode"
        dataSource={ranking.data.units}
        aria-label={title}
        columns={[
          { title: t('scorecards.position'), dataIndex: 'rank', width: 70 },
          { title: t('scorecards.unit'), dataIndex: 'unitName' },
          { title: t('scorecards.score'), dataIndex: 'score', align: 'right', render: (score: number) => `${formatNumber(score, locale)}%` },
          { title: t('scorecards.change'), dataIndex: 'change', render: (change: number | null) => <RankChange change={change} /> },
          { title: t('scorecards.sources'), dataIndex: 'source', render: (source: string | null) => (source ? <a href={source} target="_blank" rel="noreferrer noopener">{t('scorecards.published')}</a> : <Typography.Text type="secondary">{t('scorecards.demoFigure')}</Typography.Text>) },
        ]}
      />
    </Section>
  );
}

/** ▲ 2 bậc / ▼ 1 bậc / giữ nguyên / mới, in words a screen reader says too. */
function RankChange({ change }: { change: number | null }) {
  const t = useT('shell');
  if (change === null) return <>{t('scorecards.changeNew')}</>;
  if (change === 0) return <>{t('scorecards.changeKept')}</>;
  return <span className={change > 0 ? 'dondoc-rank-up' : 'dondoc-rank-down'}>{change > 0 ? t('scorecards.changeUp', { count: change }) : t('scorecards.changeDown', { count: -change })}</span>;
}
