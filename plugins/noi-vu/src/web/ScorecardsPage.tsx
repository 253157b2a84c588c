/**
 * `/m/noi-vu/chi-so`: PAR INDEX, SIPAS and PAPI on the core's scorecards — the tree of the
 * chosen index (the kit's `ScorecardTree`: an owner estimates its criterion with evidence, a miss
 * needs a remediation and goes to the UBND) and the year's ranking of departments and districts.
 */
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SCORE_CLASS_LABELS } from '@dondoc/plugin-sdk/web';
import { ErrorPanel, formatNumber, PageHeader, Section, Select, Space, Table, Typography, useLocale, useT } from '@dondoc/ui';
import { type ScorecardEstimate, ScorecardTree, Segmented } from '@dondoc/ui/panels';
import { client, queries } from './client.ts';
import './i18n.ts';

const YEARS = [2023, 2024, 2025, 2026];

export function ScorecardsPage() {
  const t = useT('noi-vu');
  const common = useT();
  const [year, setYear] = useState(2023);
  const cards = useQuery(queries.scorecards.list.queryOptions({ year }));
  const [chosen, setChosen] = useState<string | null>(null);
  const cardId = chosen && cards.data?.some((c) => c.id === chosen) ? chosen : (cards.data?.[0]?.id ?? null);
  return (
    <div className="dondoc-page">
      <PageHeader title={t('scorecards.title')} intro={t('scorecards.intro')} />
      <Space wrap>
        <label htmlFor="noi-vu-year">{t('year')}</label>
        <Select id="noi-vu-year" value={year} onChange={setYear} options={YEARS.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} />
        {cards.data && cards.data.length > 0 ? (
          <Segmented value={cardId ?? ''} onChange={(value) => setChosen(String(value))} options={cards.data.map((c) => ({ value: c.id, label: c.name }))} />
        ) : null}
      </Space>
      {cards.isError ? <ErrorPanel title={common('common.loadFailed')} error={cards.error} onRetry={() => void cards.refetch()} /> : null}
      {cards.data && cards.data.length === 0 ? <Typography.Paragraph>{t('scorecards.none', { year })}</Typography.Paragraph> : null}
      {cardId ? <Card id={cardId} /> : null}
      <Ranking year={year} />
    </div>
  );
}

function Card({ id }: { id: string }) {
  const t = useT('noi-vu');
  const common = useT();
  const queryClient = useQueryClient();
  const card = useQuery(queries.scorecards.get.queryOptions({ id }));
  if (card.isError) return <ErrorPanel title={common('common.loadFailed')} error={card.error} onRetry={() => void card.refetch()} />;
  if (!card.data) return <Section title="" loading>{null}</Section>;
  const save = async (estimate: ScorecardEstimate) => {
    const result = await client.scorecards.estimate.mutate(estimate);
    await queryClient.invalidateQueries(queries.pathFilter());
    return result;
  };
  const short = card.data.nodes.filter((n) => n.isLeaf && (n.ownClass === 'at_risk' || n.ownClass === 'off_track')).length;
  return (
    <Section title={`${card.data.name} ${card.data.year}`}>
      <Typography.Paragraph strong data-testid="scorecard-total">
        {t('scorecards.total', { shown: card.data.total?.shown ?? '—' })} · {t('scorecards.short', { count: short })}
      </Typography.Paragraph>
      <ScorecardTree nodes={card.data.nodes} classLabels={SCORE_CLASS_LABELS} onSaveEstimate={save} />
    </Section>
  );
}

function Ranking({ year }: { year: number }) {
  const t = useT('noi-vu');
  const { locale } = useLocale();
  const [kind, setKind] = useState<'department' | 'district'>('department');
  const ranking = useQuery(queries.scorecards.ranking.queryOptions({ year, kind }));
  return (
    <Section
      title={t('scorecards.ranking', { year })}
      extra={<Segmented value={kind} onChange={(value) => setKind(value as 'department' | 'district')} options={[{ value: 'department', label: t('scorecards.departments') }, { value: 'district', label: t('scorecards.districts') }]} />}
      loading={ranking.isPending}
    >
      {ranking.data?.mean !== null && ranking.data?.mean !== undefined ? <Typography.Paragraph>{t('scorecards.mean', { mean: formatNumber(ranking.data.mean, locale, 2) })}</Typography.Paragraph> : null}
      <Table
        rowKey={(row) => row.unitCode}
        dataSource={ranking.data?.units ?? []}
        pagination={false}
        size="small"
        columns={[
          { title: t('scorecards.rank'), key: 'rank', dataIndex: 'rank', width: 70 },
          { title: t('unit'), key: 'unit', dataIndex: 'unitName' },
          { title: t('scorecards.score'), key: 'score', align: 'right', render: (_, row) => formatNumber(row.score, locale, 2) },
          { title: t('scorecards.lastRank'), key: 'last', align: 'right', render: (_, row) => row.lastRank ?? '—' },
        ]}
      />
    </Section>
  );
}
