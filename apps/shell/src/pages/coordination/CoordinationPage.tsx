import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Checkbox, Empty, Form, Input, Segmented, Space, Table, Typography } from 'antd';
import { errorMessage, ErrorPanel, formatDate, formatDateTime, personLabel, Section, useAccess, useDocumentTitle, useT } from '@dondoc/ui';
import { core, type EscalationItem, type ReportListItem, type TaskListItem } from '../../core/client.ts';
import { perm } from '../../core/access.ts';
import { coreKeys } from '../../core/keys.ts';
import { useLabels } from '../../core/labels.ts';
import { NoProgressTag, ReportStateTag, TaskStatusTag } from '../../core/tags.tsx';
import { EscalationSummary } from '../../core/escalation.tsx';
import { Loading } from '../../components/Loading.tsx';
import { reportPath } from '../../core/periods.ts';
import { ReviewActions } from '../reports/ReviewActions.tsx';
import { RemindButton } from '../tasks/RemindButton.tsx';
import { useTaskPages } from '../tasks/TasksPage.tsx';
import { PendingExtensions } from './PendingExtensions.tsx';
import { GiveTaskFromAnswer } from './GiveTaskFromAnswer.tsx';

/**
 * `/dieu-phoi`: the coordinators' queue — reports waiting to be accepted or returned, open
 * escalations to answer, overdue tasks to remind about.
 */
export function CoordinationPage() {
  const t = useT('shell');
  const access = useAccess();
  useDocumentTitle(t('coord.title'));
  return (
    <div className="dondoc-page">
      <Typography.Title level={1}>{t('coord.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('coord.intro')}</Typography.Paragraph>
      {access.can(perm.reportsReview) ? <ReportsQueue /> : null}
      {access.can(perm.escalationsRespond) ? <EscalationsQueue /> : null}
      {access.can(perm.extensionsDecide) ? <PendingExtensions /> : null}
      {access.can(perm.tasksRead) ? <OverdueTasks /> : null}
    </div>
  );
}

function ReportsQueue() {
  const t = useT('shell');
  const labels = useLabels();
  const reports = useQuery({ queryKey: coreKeys.reports('submitted'), queryFn: () => core.reports.list.query({ state: 'submitted' }) });
  return (
    <Section title={t('coord.reportsTitle', { count: reports.data?.length ?? 0 })}>
      {reports.isError ? (
        <ErrorPanel headingLevel={3} title={t('coord.reportsFailed')} error={reports.error} onRetry={() => void reports.refetch()} />
      ) : (
        <Table<ReportListItem>
          size="small"
          rowKey="id"
          loading={reports.isPending}
          dataSource={reports.data ?? []}
          pagination={(reports.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: t('coord.noReports') }}
          scroll={{ x: 800 }}
          columns={[
            { title: t('report.unit'), dataIndex: ['unit', 'name'] },
            {
              title: t('report.period'),
              dataIndex: 'periodId',
              render: (periodId: string, row) => <Link to={reportPath(periodId, row.unit.code)}>{labels.text(row.periodLabel)}</Link>,
            },
            { title: t('report.state'), dataIndex: 'state', render: (state: string) => <ReportStateTag state={state} />, width: 120 },
            {
              title: t('report.submittedAt'),
              key: 'submitted',
              render: (_, row) => t('report.byAt', { by: row.submittedBy ? personLabel(row.submittedBy) : '', at: formatDateTime(row.submittedAt) }),
            },
            {
              title: <span className="dondoc-visually-hidden">{t('tasks.actions')}</span>,
              key: 'actions',
              render: (_, row) => (
                <ReviewActions
                  size="small"
                  report={{ id: row.id, version: row.version, unitName: row.unit.name, periodName: labels.text(row.periodLabel) }}
                />
              ),
            },
          ]}
        />
      )}
    </Section>
  );
}

type EscalationFilter = 'open' | 'answered' | 'closed';

function EscalationsQueue() {
  const t = useT('shell');
  const [state, setState] = useState<EscalationFilter>('open');
  const escalations = useQuery({ queryKey: coreKeys.escalations(state), queryFn: () => core.escalations.list.query({ state }) });
  return (
    <Section
      title={t('coord.escalationsTitle')}
      extra={
        <Segmented<EscalationFilter>
          size="small"
          value={state}
          onChange={setState}
          aria-label={t('coord.escalationFilter')}
          options={(['open', 'answered', 'closed'] as const).map((value) => ({ value, label: t(`escalation.state.${value}`) }))}
        />
      }
    >
      {escalations.isPending ? (
        <Loading text={t('common.loading')} />
      ) : escalations.isError ? (
        <ErrorPanel headingLevel={3} title={t('coord.escalationsFailed')} error={escalations.error} onRetry={() => void escalations.refetch()} />
      ) : escalations.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`coord.noEscalations.${state}`)} />
      ) : (
        <ul className="dondoc-plain-list">
          {escalations.data.map((escalation) => (
            <li key={escalation.id}>
              <EscalationCard escalation={escalation} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function EscalationCard({ escalation }: { escalation: EscalationItem }) {
  const t = useT('shell');
  const access = useAccess();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ response: string; close: boolean }>();
  const respond = useMutation({
    mutationFn: (values: { response: string; close: boolean }) =>
      core.escalations.respond.mutate({ id: escalation.id, response: values.response.trim(), close: !!values.close }),
    onSuccess: () => {
      void message.success(t('coord.answered', { code: escalation.task.code, unit: escalation.unit.name }));
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
    },
  });
  const headingId = `escalation-${escalation.id}`;
  return (
    <article className="dondoc-escalation-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="dondoc-item-title">
        <Link to={`/nhiem-vu/${escalation.task.id}`}>{escalation.task.code}</Link> — {escalation.task.title}
      </h3>
      <EscalationSummary escalation={escalation} unitName={escalation.unit.name} />
      {access.can(perm.directivesWrite) ? (
        <div className="dondoc-gap">
          <GiveTaskFromAnswer escalation={escalation} />
        </div>
      ) : null}
      {escalation.state !== 'closed' ? (
        <Form
          form={form}
          name={`respond-${escalation.id}`}
          layout="vertical"
          initialValues={{ response: escalation.response ?? '', close: false }}
          onFinish={(values) => respond.mutate(values)}
          disabled={respond.isPending}
        >
          {respond.isError ? <Alert type="error" showIcon title={errorMessage(respond.error)} className="dondoc-gap" /> : null}
          <Form.Item
            name="response"
            label={t('coord.responseLabel')}
            rules={[
              { required: true, whitespace: true, message: t('coord.responseRequired') },
              { max: 5000, message: t('common.tooLong', { max: 5000 }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="close" valuePropName="checked" noStyle>
              <Checkbox>{t('coord.closeEscalation')}</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={respond.isPending}>
              {t('coord.sendResponse')}
            </Button>
          </Space>
        </Form>
      ) : null}
    </article>
  );
}

function OverdueTasks() {
  const t = useT('shell');
  const labels = useLabels();
  const filters = useMemo(() => ({ status: 'overdue' as const }), []);
  const pages = useTaskPages(filters, { limit: 10 });
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Section
      title={t('coord.overdueTitle')}
      extra={<Link to="/nhiem-vu?trang-thai=overdue">{t('coord.openInList')}</Link>}
    >
      {pages.isError ? (
        <ErrorPanel headingLevel={3} title={t('tasks.loadFailed')} error={pages.error} onRetry={() => void pages.refetch()} />
      ) : (
        <>
          <Table<TaskListItem>
            size="small"
            rowKey="id"
            loading={pages.isPending}
            dataSource={items}
            pagination={false}
            locale={{ emptyText: t('coord.noOverdue') }}
            scroll={{ x: 960 }}
            columns={[
              { title: t('tasks.code'), dataIndex: 'code', render: (code: string, task) => <Link to={`/nhiem-vu/${task.id}`}>{code}</Link>, width: 130 },
              { title: t('tasks.task'), dataIndex: 'title' },
              { title: t('tasks.leadUnit'), dataIndex: ['leadUnit', 'name'], width: 150 },
              {
                title: t('tasks.deadline'),
                dataIndex: 'deadline',
                width: 100,
                render: (_, task) => (task.deadline ? formatDate(task.deadline) : labels.status('continuous')),
              },
              {
                title: t('tasks.status'),
                dataIndex: 'status',
                width: 190,
                render: (_, task) => (
                  <Space size={[0, 4]} wrap>
                    <TaskStatusTag status={task.status} />
                    {task.noProgressUpdate ? <NoProgressTag /> : null}
                  </Space>
                ),
              },
              { title: t('tasks.progress'), dataIndex: 'progress', width: 80, align: 'right', render: (value: number) => `${value}%` },
              {
                title: <span className="dondoc-visually-hidden">{t('tasks.actions')}</span>,
                key: 'remind',
                width: 110,
                fixed: 'right',
                render: (_, task) => <RemindButton task={task} size="small" />,
              },
            ]}
          />
          {pages.hasNextPage ? (
            <div className="dondoc-more">
              <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                {t('tasks.more')}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Section>
  );
}
