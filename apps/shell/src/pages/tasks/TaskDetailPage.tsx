import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Descriptions, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { isIsoDate, periodById, TASK_STATUSES } from '@dondoc/core';
import { ErrorPanel, formatDate, formatDateTime, formatNumber, formatRate, PersonName, personLabel, Section, useAccess, useDocumentTitle, useLocale, useT } from '@dondoc/ui';
import { core, type TaskDetail } from '../../core/client.ts';
import { perm } from '../../core/access.ts';
import { coreKeys } from '../../core/keys.ts';
import { useLabels } from '../../core/labels.ts';
import { NoProgressTag, ReportStateTag, TaskStatusTag } from '../../core/tags.tsx';
import { ProgressValue } from '../../core/ProgressValue.tsx';
import { MultilineText } from '../../core/ui.tsx';
import { Loading } from '../../components/Loading.tsx';
import { RemindButton } from './RemindButton.tsx';
import { TaskUpdateForm } from './TaskUpdateForm.tsx';
import { CompletionConfirmPanel } from './CompletionConfirm.tsx';
import { ExtensionPanel } from './ExtensionPanel.tsx';
import { EscalationSummary } from '../../core/escalation.tsx';
import { EvidenceDownloadButton } from '../../core/download.tsx';
import { ExtendedTag, InferredTag } from '../../core/tags.tsx';

/** `/nhiem-vu/:id`: everything about one task, its update form, reminders, escalations and audit trail. */
export function TaskDetailPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const asOfParam = params.get('ngay');
  const asOf = asOfParam && isIsoDate(asOfParam) ? asOfParam : undefined;
  const t = useT('shell');
  const query = useQuery({
    queryKey: coreKeys.task(id, asOf),
    queryFn: () => core.tasks.get.query({ id, asOf }),
    retry: (count, error) => count < 1 && !/NOT_FOUND|BAD_REQUEST/.test(String((error as { data?: { code?: string } }).data?.code)),
  });
  useDocumentTitle(query.data ? `${query.data.code} — ${t('task.title')}` : t('task.title'));

  if (query.isPending) return <Loading text={t('task.loading')} />;
  if (query.isError) {
    return (
      <div className="dondoc-page">
        <ErrorPanel headingLevel={1} title={t('task.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />
        <Link to="/nhiem-vu">{t('task.backToList')}</Link>
      </div>
    );
  }
  return <TaskView task={query.data} asOf={asOf} />;
}

function TaskView({ task, asOf }: { task: TaskDetail; asOf: string | undefined }) {
  const t = useT('shell');
  const labels = useLabels();
  const { locale } = useLocale();
  const access = useAccess();
  // A cancelled task keeps its page and history; it takes no update any more.
  const cancelled = task.state === 'cancelled';
  const canUpdate = access.can(perm.tasksUpdate) && access.actsFor(task.leadUnit.code) && !task.isParent && !cancelled;
  // A parent task is carried out by its units: its status and progress are the roll-up's.
  const status = task.rollUp?.status ?? task.status;
  const progress = task.rollUp ? task.rollUp.meanProgress : task.progress;

  return (
    <div className="dondoc-page">
      <Breadcrumb
        className="dondoc-breadcrumb"
        items={[
          { title: <Link to="/nhiem-vu">{t('tasks.title')}</Link> },
          ...(task.parent ? [{ title: <Link to={`/nhiem-vu/${task.parent.id}`}>{task.parent.code}</Link> }] : []),
          { title: task.code },
        ]}
      />
      <Typography.Text type="secondary" className="dondoc-eyebrow">
        {t('task.codeClause', { code: task.code, clause: task.clause })}
      </Typography.Text>
      <Typography.Title level={1} className="dondoc-detail-title">
        {task.title}
      </Typography.Title>
      {cancelled ? (
        <Alert
          type="warning"
          showIcon
          className="dondoc-gap"
          title={t('task.cancelledTitle')}
          description={
            <>
              {task.cancelledAt ? <p>{t('task.cancelledWhen', { date: formatDate(task.cancelledAt), by: task.cancelledBy ? personLabel(task.cancelledBy) : '—' })}</p> : null}
              <p>
                <strong>{t('task.cancelReason')}:</strong> <MultilineText text={task.cancelReason} />
              </p>
              <p>{t('task.cancelledNote')}</p>
            </>
          }
        />
      ) : null}
      <Space size={[4, 8]} wrap className="dondoc-gap">
        <TaskStatusTag status={status} />
        {task.noProgressUpdate && !task.isParent && !cancelled ? <NoProgressTag /> : null}
        {task.flaggedForLeadership ? (
          <Tag color="#a8071a" variant="solid" icon={<WarningOutlined aria-hidden />} className="dondoc-tag">
            {labels.flag('leadership')}
          </Tag>
        ) : null}
        {asOf ? <Typography.Text type="secondary">{t('task.asOf', { date: formatDate(asOf) })}</Typography.Text> : null}
      </Space>
      {task.flaggedForLeadership ? (
        <Alert
          type="error"
          showIcon
          className="dondoc-gap"
          title={t('task.flaggedExplain', { count: task.remindersWhileOverdue })}
          action={access.can(perm.reportsReview) ? <Link to="/giao-ban">{t('task.flaggedLink')}</Link> : undefined}
        />
      ) : null}

      <Section title={t('task.info')}>
        <Descriptions column={1} size="small" bordered className="dondoc-descriptions">
          <Descriptions.Item label={t('task.content')}>
            <MultilineText text={task.content} />
          </Descriptions.Item>
          <Descriptions.Item label={t('tasks.leadUnit')}>
            {task.leadUnit.name}
            {task.leadInferred ? <InferredTag explanation={t('inferred.lead')} /> : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('task.coordinatingUnits')}>
            {task.coordinatingUnits.length > 0 ? (
              <ul className="dondoc-inline-list">
                {task.coordinatingUnits.map((unit) => (
                  <li key={unit.code}>
                    {unit.name}
                    {unit.inferred ? <InferredTag explanation={t('inferred.coordinating', { unit: unit.name })} /> : null}
                  </li>
                ))}
              </ul>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('tasks.deadline')}>
            {task.continuous || !task.deadline ? labels.status('continuous') : formatDate(task.deadline)}
            {task.deadlineInferred ? <InferredTag explanation={t('inferred.deadline')} /> : null}
            {task.originalDeadline && task.originalDeadline !== task.deadline ? (
              <>
                {' '}
                <span className="dondoc-muted">({t('task.originalDeadline', { date: formatDate(task.originalDeadline) })})</span> <ExtendedTag />
              </>
            ) : null}
          </Descriptions.Item>
          {task.assignedOn ? <Descriptions.Item label={t('task.assignedOn')}>{formatDate(task.assignedOn)}</Descriptions.Item> : null}
          <Descriptions.Item label={t('task.cadence')}>{task.cadence ? labels.cadence(task.cadence as never) : '—'}</Descriptions.Item>
          <Descriptions.Item label={task.isParent ? t('task.rollUpStatus') : t('tasks.status')}>
            <TaskStatusTag status={status} />
          </Descriptions.Item>
          <Descriptions.Item label={task.isParent ? t('task.meanProgress') : t('tasks.progress')}>
            <ProgressValue value={progress === null ? null : Math.round(progress)} />
          </Descriptions.Item>
          <Descriptions.Item label={t('task.completedOn')}>
            {task.completedOn ? formatDate(task.completedOn) : '—'}
            {task.completedOn && task.completionEnteredOn ? (
              <span className="dondoc-muted">
                {' · '}
                {t('task.completionEnteredOnValue', { date: formatDate(task.completionEnteredOn) })}
              </span>
            ) : null}
          </Descriptions.Item>
          {task.resultDocNumber || task.resultFile ? (
            <Descriptions.Item label={t('task.resultDoc')}>
              <Space direction="vertical" size={4}>
                {task.resultDocNumber ? (
                  <span>{t('task.resultDocValue', { number: task.resultDocNumber, date: task.resultDocDate ? formatDate(task.resultDocDate) : '—' })}</span>
                ) : null}
                {task.resultFile ? (
                  <span>
                    {t('task.resultFile')}:{' '}
                    <EvidenceDownloadButton file={task.resultFile} label={t('task.resultFileDownload', { name: task.resultFile.filename })} />
                  </span>
                ) : null}
              </Space>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('task.result')}>
            <MultilineText text={task.result} />
          </Descriptions.Item>
          {task.isParent ? null : (
            <Descriptions.Item label={t('task.lastProgressOn')}>
              {task.lastProgressOn ? formatDate(task.lastProgressOn) : t('task.never')}
            </Descriptions.Item>
          )}
          {task.parent ? (
            <Descriptions.Item label={t('task.parent')}>
              <Link to={`/nhiem-vu/${task.parent.id}`}>
                {task.parent.code} — {task.parent.title}
              </Link>{' '}
              ({task.parent.leadUnit.name})
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Section>

      {task.rollUp ? <RollUpSection task={task} /> : null}

      {task.completionPendingOn || task.completionReturnNote ? <CompletionConfirmPanel task={task} /> : null}
      {canUpdate && !task.completionPendingOn ? (
        <Section title={t('task.updateTitle')}>
          <TaskUpdateForm task={task} />
        </Section>
      ) : null}

      {task.isParent ? null : <ExtensionPanel task={task} />}

      <Section
        title={t('task.remindersTitle', { count: task.reminderCount })}
        extra={cancelled ? null : <RemindButton task={{ ...task, parentLeadUnitCode: task.parent?.leadUnit.code ?? null }} type="primary" />}
      >
        {task.remindersWhileOverdue > 0 ? (
          <Typography.Paragraph className={task.flaggedForLeadership ? 'dondoc-stat-alert' : undefined}>
            {t('task.remindersWhileOverdue', { count: task.remindersWhileOverdue })}
          </Typography.Paragraph>
        ) : null}
        {task.reminders.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.noReminders')} />
        ) : (
          <List
            size="small"
            dataSource={task.reminders}
            renderItem={(reminder) => (
              <List.Item>
                <div>
                  <div className="dondoc-list-heading">
                    {t('task.reminderLine', { at: formatDateTime(reminder.at), by: personLabel(reminder.by), unit: reminder.unit.name })}
                    {reminder.whileOverdue ? (
                      <Tag color="#a8071a" variant="outlined" className="dondoc-tag dondoc-tag-inline" title={t('task.whileOverdueExplain')}>
                        {t('task.whileOverdue')}
                        <span className="dondoc-visually-hidden">: {t('task.whileOverdueExplain')}</span>
                      </Tag>
                    ) : null}
                  </div>
                  <MultilineText text={reminder.message} />
                </div>
              </List.Item>
            )}
          />
        )}
      </Section>

      <Section title={t('task.escalationsTitle')}>
        {task.escalations.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.noEscalations')} />
        ) : (
          <List
            size="small"
            dataSource={task.escalations}
            renderItem={(escalation) => (
              <List.Item>
                <div className="dondoc-escalation">
                  <EscalationSummary escalation={escalation} showMissingResponse />
                </div>
              </List.Item>
            )}
          />
        )}
      </Section>

      <Section title={t('task.reportsTitle')}>
        <Table
          size="small"
          rowKey={(row) => `${row.reportId}`}
          pagination={false}
          dataSource={task.reports}
          locale={{ emptyText: t('task.noReports') }}
          scroll={{ x: 700 }}
          columns={[
            {
              title: t('report.period'),
              dataIndex: 'periodId',
              render: (periodId: string, row) => (
                <Link to={`/bao-cao?ky=${periodId}${access.seesAllUnits ? `&don-vi=${row.unitCode}` : ''}`}>
                  {periodLabel(periodId, locale)}
                </Link>
              ),
            },
            { title: t('report.unit'), dataIndex: ['unit', 'name'] },
            { title: t('report.state'), dataIndex: 'state', render: (state: string) => <ReportStateTag state={state} /> },
            { title: t('tasks.progress'), dataIndex: 'progress', render: (value: number | null) => (value === null ? '—' : `${value}%`) },
            { title: t('report.obstacles'), dataIndex: 'obstacles', render: (text: string | null) => <MultilineText text={text} /> },
            {
              title: t('report.beyondAuthorityShort'),
              dataIndex: 'beyondAuthority',
              render: (value: boolean) => (value ? t('common.yes') : t('common.no')),
            },
          ]}
        />
      </Section>

      <Section title={t('task.historyTitle')}>
        <Table
          size="small"
          rowKey={(row) => `${row.at}-${row.by?.username}`}
          pagination={task.history.length > 10 ? { pageSize: 10 } : false}
          dataSource={task.history}
          locale={{ emptyText: t('task.noHistory') }}
          scroll={{ x: 600 }}
          columns={[
            { title: t('task.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at), width: 150 },
            { title: t('task.by'), dataIndex: 'by', width: 260, render: (by: TaskDetail['history'][number]['by']) => <PersonName person={by} /> },
            { title: t('tasks.progress'), dataIndex: 'progress', render: (value: number) => `${value}%`, width: 100 },
            { title: t('task.completedOn'), dataIndex: 'completedOn', render: (value: string | null) => (value ? formatDate(value) : '—'), width: 130 },
            { title: t('task.note'), dataIndex: 'note', render: (text: string | null) => <MultilineText text={text} /> },
          ]}
        />
      </Section>

      <Section title={t('task.auditTitle')}>
        <Table
          size="small"
          rowKey={(row) => `${row.at}-${row.action}-${row.actor?.username}`}
          pagination={task.audit.length > 10 ? { pageSize: 10 } : false}
          dataSource={task.audit}
          locale={{ emptyText: t('task.noAudit') }}
          columns={[
            { title: t('task.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at), width: 150 },
            { title: t('task.by'), dataIndex: 'actor', width: 260, render: (actor: TaskDetail['audit'][number]['actor']) => <PersonName person={actor} /> },
            { title: t('task.action'), dataIndex: 'action', render: (action: string) => t(`audit.${action.replaceAll('.', '_')}`, { defaultValue: action }) },
          ]}
        />
      </Section>
    </div>
  );
}

function periodLabel(periodId: string, locale: 'vi' | 'en'): string {
  try {
    return periodById(periodId).label[locale];
  } catch {
    return periodId;
  }
}

function RollUpSection({ task }: { task: TaskDetail }) {
  const t = useT('shell');
  const labels = useLabels();
  const { locale } = useLocale();
  const rollUp = task.rollUp!;
  return (
    <Section title={t('task.rollUpTitle', { count: rollUp.total })}>
      <dl className="dondoc-stats">
        <div>
          <dt>{t('task.rollUpStatus')}</dt>
          <dd>{rollUp.status ? <TaskStatusTag status={rollUp.status} /> : '—'}</dd>
        </div>
        <div>
          <dt>{t('task.meanProgress')}</dt>
          <dd>{rollUp.meanProgress === null ? '—' : `${formatNumber(rollUp.meanProgress, locale, 1)}%`}</dd>
        </div>
        <div>
          <dt>{t('overview.completionRate')}</dt>
          <dd>{formatRate(rollUp.completionRate, locale)}</dd>
        </div>
      </dl>
      <ul className="dondoc-count-list" aria-label={t('task.countsByStatus')}>
        {TASK_STATUSES.map((status) => (
          <li key={status}>
            <TaskStatusTag status={status} /> <strong>{rollUp.counts[status]}</strong>
          </li>
        ))}
      </ul>
      <Table
        size="small"
        rowKey="id"
        dataSource={rollUp.children}
        pagination={rollUp.children.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 600 }}
        columns={[
          { title: t('tasks.code'), dataIndex: 'code', render: (code: string, child) => <Link to={`/nhiem-vu/${child.id}`}>{code}</Link> },
          { title: t('tasks.leadUnit'), dataIndex: ['leadUnit', 'name'] },
          {
            title: t('tasks.status'),
            dataIndex: 'status',
            render: (status: string) => <TaskStatusTag status={status} />,
            filters: TASK_STATUSES.map((status) => ({ text: labels.status(status), value: status })),
            onFilter: (value, child) => child.status === value,
          },
          {
            title: t('tasks.progress'),
            dataIndex: 'progress',
            render: (value: number) => <ProgressValue value={value} compact />,
            sorter: (a, b) => a.progress - b.progress,
          },
          {
            title: <span className="dondoc-visually-hidden">{t('tasks.actions')}</span>,
            key: 'remind',
            render: (_, child) => (
              <RemindButton
                size="small"
                task={{ id: child.id, code: child.code, title: task.title, leadUnit: child.leadUnit, parentLeadUnitCode: task.leadUnit.code, status: child.status }}
              />
            ),
          },
        ]}
      />
    </Section>
  );
}
