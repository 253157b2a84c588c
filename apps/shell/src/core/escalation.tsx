import { Link } from 'react-router';
import { Space, Tag, Typography } from 'antd';
import { formatDateTime, personLabel, useT, type PersonRef } from '@dondoc/ui';
import { MultilineText } from './ui.tsx';

export interface EscalationView {
  state: string;
  createdAt: string;
  obstacle: string;
  proposal: string | null;
  response: string | null;
  respondedBy?: PersonRef | null;
  respondedAt?: string | null;
  /** Where it was raised (a scorecard's node, a module's page), if anywhere but a report. */
  link?: { path: string; label: string } | null;
  /** The task the coordinator gave from the answer, if any. */
  followUpTask?: { id: string; code: string; title: string; leadUnit: { name: string } } | null;
}

/** An escalation's state, obstacle, proposal and answer: the same on the task page and in the coordinators' queue. */
export function EscalationSummary({ escalation, unitName, showMissingResponse = false }: { escalation: EscalationView; unitName?: string; showMissingResponse?: boolean }) {
  const t = useT('shell');
  return (
    <>
      <Space wrap size={[8, 4]}>
        <Tag className="dondoc-tag" color={escalation.state === 'open' ? '#ad4e00' : '#237804'}>
          {t(`escalation.state.${escalation.state}`, { defaultValue: escalation.state })}
        </Tag>
        {unitName ? <Typography.Text>{unitName}</Typography.Text> : null}
        <Typography.Text type="secondary">{formatDateTime(escalation.createdAt)}</Typography.Text>
      </Space>
      <dl className="dondoc-dl">
        <dt>{t('report.obstacles')}</dt>
        <dd>
          <MultilineText text={escalation.obstacle} />
        </dd>
        <dt>{t('report.proposals')}</dt>
        <dd>
          <MultilineText text={escalation.proposal} />
        </dd>
        {escalation.link ? (
          <>
            <dt>{t('escalation.link')}</dt>
            <dd>
              <Link to={escalation.link.path}>{escalation.link.label}</Link>
            </dd>
          </>
        ) : null}
        {escalation.response || showMissingResponse ? (
          <>
            <dt>{t('escalation.response')}</dt>
            <dd>
              {escalation.response ? <MultilineText text={escalation.response} /> : t('escalation.noResponse')}
              {escalation.response && escalation.respondedBy ? (
                <>
                  {' '}
                  <span className="dondoc-muted">({t('report.byAt', { by: personLabel(escalation.respondedBy), at: formatDateTime(escalation.respondedAt ?? null) })})</span>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {escalation.followUpTask ? (
          <>
            <dt>{t('answerTask.followUp')}</dt>
            <dd>
              <Link to={`/nhiem-vu/${escalation.followUpTask.id}`}>{escalation.followUpTask.code}</Link> — {escalation.followUpTask.title}{' '}
              <span className="dondoc-muted">({t('answerTask.followUpLead', { unit: escalation.followUpTask.leadUnit.name })})</span>
            </dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
