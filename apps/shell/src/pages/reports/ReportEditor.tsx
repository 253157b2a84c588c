import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Checkbox, Empty, Form, InputNumber, Modal, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { ConflictAlert, errorMessage, ErrorPanel, formatDate, formatDateTime, LimitedText, maxTextRule, Section, useAccess, useT, useVersionedForm, personLabel } from '@dondoc/ui';
import { core, type ReportView } from '../../core/client.ts';
import { perm } from '../../core/access.ts';
import { coreKeys } from '../../core/keys.ts';
import { useLabels } from '../../core/labels.ts';
import { ReportStateTag, TaskStatusTag } from '../../core/tags.tsx';
import { MultilineText } from '../../core/ui.tsx';
import { EvidencePanel } from './EvidencePanel.tsx';
import { ReportFiguresPanel, ReportVersionsPanel } from './ReportVersions.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { LeadStepPanel, SendToLeadDialog } from './LeadStep.tsx';

interface ItemValues {
  progress?: number | null;
  result?: string;
  obstacles?: string;
  proposals?: string;
  beyondAuthority?: boolean;
}

interface ReportValues {
  items: Record<string, ItemValues>;
}

const trimmed = (text: string | undefined | null) => (text && text.trim() ? text.trim() : null);

function initialValues(data: ReportView): ReportValues {
  return {
    items: Object.fromEntries(
      data.items.map((item) => [
        item.task.id,
        {
          progress: item.progress,
          result: item.result ?? '',
          obstacles: item.obstacles ?? '',
          proposals: item.proposals ?? '',
          beyondAuthority: item.beyondAuthority,
        },
      ]),
    ),
  };
}

/**
 * A unit's report for a period: state, what is still missing, one block per covered task,
 * save / submit with optimistic concurrency, evidence files, escalations, and (coordinators)
 * accept / return. What was typed is never thrown away: a failed save or a conflict keeps the
 * form as it is; "Tải lại" only moves the version the next save is based on.
 */
export function ReportEditor({ data }: { data: ReportView }) {
  const t = useT('shell');
  const common = useT();
  const labels = useLabels();
  const access = useAccess();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReportValues>();
  const [dirty, setDirty] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // "Gửi báo cáo" first checks what a submission needs (every progress entered): while it is
  // checking, the progress fields are required; a report that is not complete is refused here,
  // its empty fields marked, before the confirmation dialog.
  const checkingSubmission = useRef(false);
  const [incomplete, setIncomplete] = useState(false);
  const askToSubmit = async () => {
    checkingSubmission.current = true;
    try {
      await form.validateFields();
      setIncomplete(false);
      setConfirming(true);
    } catch (error) {
      setIncomplete(true);
      const first = (error as { errorFields?: Array<{ name: (string | number)[] }> }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center', focus: true });
    } finally {
      checkingSubmission.current = false;
    }
  };
  // The officer's "Trình lãnh đạo" dialog, and the note it sends.
  const [sendingToLead, setSendingToLead] = useState(false);
  const leadNote = useRef<string | undefined>(undefined);

  const state = data.report?.state ?? 'draft';
  const ownsUnit = access.actsFor(data.unit.code);
  const editable = access.can(perm.reportsWrite) && ownsUnit && (state === 'draft' || state === 'returned');
  const canSubmit = editable && access.can(perm.reportsSubmit);
  const periodName = labels.text(data.period.label);

  const refresh = () => queryClient.invalidateQueries({ queryKey: coreKeys.all });

  type Base = { id: string | null; version: number | null };
  const collect = (version: number | null): Parameters<typeof core.reports.save.mutate>[0] => {
    const values = form.getFieldsValue(true) as ReportValues;
    return {
      unitCode: data.unit.code,
      periodId: data.period.id,
      version,
      items: data.items.map((item) => {
        const v = values.items?.[item.task.id] ?? {};
        return {
          taskId: item.task.id,
          progress: typeof v.progress === 'number' ? v.progress : null,
          result: trimmed(v.result),
          obstacles: trimmed(v.obstacles),
          proposals: trimmed(v.proposals),
          beyondAuthority: !!v.beyondAuthority,
        };
      }),
    };
  };

  // "Lưu nháp" saves what is on screen; "Gửi báo cáo" saves it first, then submits that version.
  const versioned = useVersionedForm({
    version: { id: data.report?.id ?? null, version: data.report?.version ?? null } as Base,
    form,
    versionOf: (answer: { id: string; version: number }): Base => ({ id: answer.id, version: answer.version }),
    save: async (action: 'save' | 'submit' | 'lead', base: Base) => {
      await form.validateFields();
      const saved = await core.reports.save.mutate(collect(base.version));
      if (action === 'save') return { ...saved, escalations: 0 };
      versioned.setVersion({ id: saved.id, version: saved.version });
      setDirty(false);
      if (action === 'lead') return { ...(await core.reports.sendToLead.mutate({ id: saved.id, version: saved.version, note: leadNote.current })), escalations: 0 };
      return core.reports.submit.mutate({ id: saved.id, version: saved.version });
    },
    onSaved: (answer, action) => {
      setDirty(false);
      setConfirming(false);
      setSendingToLead(false);
      if (action === 'save') {
        if ('unchanged' in answer && answer.unchanged) void message.info(t('report.noChange'));
        else void message.success(t('report.saved'));
      } else if (action === 'lead') void message.success(t('leadStep.sent'));
      else void message.success(answer.escalations > 0 ? t('report.submittedEscalated', { count: answer.escalations }) : t('report.submitted'));
      void refresh();
    },
    onError: (_, action) => {
      setConfirming(false);
      setSendingToLead(false);
      if (action !== 'save') void refresh();
    },
    reload: async () => {
      const fresh = await core.reports.get.query({ unitCode: data.unit.code, periodId: data.period.id });
      void refresh();
      // Fields the user has not touched take the newer values; what they typed stays.
      const items = Object.fromEntries(
        fresh.items.map((item) => [
          item.task.id,
          { progress: item.progress, result: item.result ?? '', obstacles: item.obstacles ?? '', proposals: item.proposals ?? '', beyondAuthority: item.beyondAuthority },
        ]),
      );
      return { version: { id: fresh.report?.id ?? null, version: fresh.report?.version ?? null }, values: { items } };
    },
  });
  const base = versioned.version;
  const action = versioned.mutation;
  const saving = action.isPending && action.variables === 'save';
  const submitting = action.isPending && action.variables === 'submit';

  const escalations = useQuery({
    queryKey: coreKeys.escalations(undefined),
    queryFn: () => core.escalations.list.query({}),
    enabled: !!base.id && access.can(perm.escalationsRead),
  });
  const reportEscalations = (escalations.data ?? []).filter((e) => e.reportId === base.id);

  const failure = action.isError && action.error;
  const validationFailure = failure && typeof failure === 'object' && 'errorFields' in failure;
  const busy = action.isPending;

  return (
    <div className="dondoc-report">
      <Section
        title={t('report.heading', { unit: data.unit.name, period: periodName })}>
        <dl className="dondoc-stats dondoc-stats-small">
          <div>
            <dt>{t('report.state')}</dt>
            <dd>
              <ReportStateTag state={state} />
              {!data.report ? <span className="dondoc-muted"> {t('report.notSaved')}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t('report.window')}</dt>
            <dd>{t('report.windowValue', { from: formatDate(data.period.windowStart), to: formatDate(data.period.windowEnd) })}</dd>
          </div>
          <div>
            <dt>{t('report.due')}</dt>
            <dd>{formatDate(data.period.dueDate)}</dd>
          </div>
          {data.report?.submittedAt ? (
            <div>
              <dt>{t('report.submittedAt')}</dt>
              <dd>{t('report.byAt', { by: data.report.submittedBy ? personLabel(data.report.submittedBy) : '', at: formatDateTime(data.report.submittedAt) })}</dd>
            </div>
          ) : null}
          {data.report?.reviewedAt ? (
            <div>
              <dt>{t('report.reviewedAt')}</dt>
              <dd>{t('report.byAt', { by: data.report.reviewedBy ? personLabel(data.report.reviewedBy) : '', at: formatDateTime(data.report.reviewedAt) })}</dd>
            </div>
          ) : null}
        </dl>
        {state === 'returned' ? (
          <Alert
            type="error"
            showIcon
            className="dondoc-gap"
            title={t('report.returnedTitle')}
            description={
              <>
                <strong>{t('report.returnReason')}:</strong> <MultilineText text={data.report?.returnReason} />
              </>
            }
          />
        ) : null}
        <LeadStepPanel data={data} isLead={access.can(perm.reportsSubmit)} ownsUnit={ownsUnit} />
        {state === 'submitted' && ownsUnit ? <Alert type="info" showIcon className="dondoc-gap" title={t('report.waitingReview')} /> : null}
        {state === 'accepted' ? <Alert type="success" showIcon className="dondoc-gap" title={t('report.acceptedNote')} /> : null}
        {data.report && state === 'submitted' && access.can(perm.reportsReview) ? (
          <div className="dondoc-gap">
            <ReviewActions report={{ id: data.report.id, version: data.report.version, unitName: data.unit.name, periodName }} />
          </div>
        ) : null}
        {editable ? (
          data.missing.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              className="dondoc-gap"
              title={t('report.missingTitle', { count: data.missing.length })}
              description={
                <>
                  <ul className="dondoc-missing">
                    {data.missing.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                  {dirty ? <em>{t('report.missingStale')}</em> : null}
                </>
              }
            />
          ) : data.report ? (
            <Alert type="success" showIcon icon={<CheckCircleOutlined />} className="dondoc-gap" title={t('report.complete')} />
          ) : null
        ) : null}
      </Section>

      {state === 'submitted' || state === 'accepted' ? <ReportFiguresPanel figures={data.figures} frozenVersion={data.frozenVersion} /> : null}
      <ReportVersionsPanel data={data} />

      {data.items.length === 0 ? (
        <Section title={t('report.itemsTitle', { count: 0 })}>
          <Empty description={t('report.noItems')} />
        </Section>
      ) : !editable ? (
        <Section title={t('report.itemsTitle', { count: data.items.length })}>
          <ol className="dondoc-report-items">
            {data.items.map((item) => (
              <li key={item.task.id} className="dondoc-report-item">
                <ReportItemView item={item} frozen={data.frozenVersion !== null} />
              </li>
            ))}
          </ol>
        </Section>
      ) : (
        <Form<ReportValues>
          form={form}
          name={`report-${data.unit.code}-${data.period.id}`}
          layout="vertical"
          initialValues={initialValues(data)}
          disabled={busy}
          onValuesChange={() => {
            setDirty(true);
            setIncomplete(false);
          }}
          onFinish={() => versioned.submit('save')}
          className="dondoc-form"
        >
          <Section
            title={t('report.itemsTitle', { count: data.items.length })}
            extra={
              <Button
                size="small"
                onClick={() => {
                  for (const item of data.items) {
                    if (form.getFieldValue(['items', item.task.id, 'progress']) == null) {
                      form.setFieldValue(['items', item.task.id, 'progress'], item.task.progress);
                    }
                  }
                  setDirty(true);
                }}
              >
                {t('report.fillCurrent')}
              </Button>
            }
          >
            <ol className="dondoc-report-items">
              {data.items.map((item) => (
                <li key={item.task.id} className="dondoc-report-item">
                  <ReportItemFields item={item} checkingSubmission={() => checkingSubmission.current} />
                </li>
              ))}
            </ol>
          </Section>

          <div className="dondoc-action-bar" role="group" aria-label={t('report.actions')}>
            <ConflictAlert error={failure} onReload={() => void versioned.reload()} reloading={versioned.reloading} />
            {versioned.reloaded ? <Alert type="info" showIcon title={common('conflict.reloaded')} /> : null}
            {incomplete ? <Alert type="error" showIcon title={t('report.incomplete')} /> : null}
            {failure && !versioned.conflict ? (
              <Alert type="error" showIcon title={validationFailure ? t('common.checkFields') : errorMessage(failure)} />
            ) : null}
            <Space wrap>
              <Button htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={saving} type={canSubmit ? 'default' : 'primary'}>
                {t('report.saveDraft')}
              </Button>
              {canSubmit ? (
                <Button type="primary" icon={<SendOutlined aria-hidden />} loading={submitting} onClick={() => void askToSubmit()}>
                  {t('report.submit')}
                </Button>
              ) : (
                <>
                  <Button type="primary" icon={<SendOutlined aria-hidden />} loading={action.isPending && action.variables === 'lead'} onClick={() => setSendingToLead(true)}>
                    {t('leadStep.sendToLead')}
                  </Button>
                  <Typography.Text type="secondary">{t('report.onlyLeadsSubmit')}</Typography.Text>
                </>
              )}
              {dirty ? <Tag className="dondoc-tag">{t('report.unsaved')}</Tag> : null}
            </Space>
          </div>
        </Form>
      )}

      {confirming ? (
      <Modal
        open
        title={t('report.confirmTitle', { period: periodName })}
        okText={t('report.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={submitting}
        onOk={() => versioned.submit('submit')}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('report.confirmText', { unit: data.unit.name })}</p>
        {(() => {
          const values = form.getFieldsValue(true) as ReportValues;
          const beyond = data.items.filter((item) => values.items?.[item.task.id]?.beyondAuthority);
          return beyond.length > 0 ? <p>{t('report.confirmEscalations', { count: beyond.length })}</p> : null;
        })()}
      </Modal>
      ) : null}

      {sendingToLead ? (
        <SendToLeadDialog
          unitName={data.unit.name}
          periodName={periodName}
          pending={action.isPending}
          onCancel={() => setSendingToLead(false)}
          onSubmit={(note) => {
            leadNote.current = note;
            versioned.submit('lead');
          }}
        />
      ) : null}

      <EvidencePanel reportId={base.id} editable={editable} evidence={data.evidence} items={data.items} />

      {base.id && access.can(perm.escalationsRead) ? (
        <Section title={t('report.escalationsTitle')}>
          {escalations.isError ? (
            <ErrorPanel headingLevel={3} error={escalations.error} onRetry={() => void escalations.refetch()} />
          ) : reportEscalations.length === 0 ? (
            <Typography.Text type="secondary">{t('report.noEscalations')}</Typography.Text>
          ) : (
            <ul className="dondoc-plain-list">
              {reportEscalations.map((e) => (
                <li key={e.id} className="dondoc-escalation">
                  <Space wrap>
                    <Link to={`/nhiem-vu/${e.task.id}`}>{e.task.code}</Link>
                    <Tag className="dondoc-tag" color={e.state === 'open' ? '#ad4e00' : '#237804'}>
                      {t(`escalation.state.${e.state}`, { defaultValue: e.state })}
                    </Tag>
                  </Space>
                  <dl className="dondoc-dl">
                    <dt>{t('report.obstacles')}</dt>
                    <dd>
                      <MultilineText text={e.obstacle} />
                    </dd>
                    <dt>{t('escalation.response')}</dt>
                    <dd>
                      {e.response ? (
                        <>
                          <MultilineText text={e.response} />{' '}
                          <span className="dondoc-muted">({t('report.byAt', { by: e.respondedBy ? personLabel(e.respondedBy) : '', at: formatDateTime(e.respondedAt) })})</span>
                        </>
                      ) : (
                        t('escalation.noResponse')
                      )}
                    </dd>
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}
    </div>
  );
}

function ReportItemHeading({
  item,
  headingLevel = 3,
  idPrefix = 'item',
  frozen = false,
}: {
  item: ReportView['items'][number];
  headingLevel?: 3 | 4;
  idPrefix?: string;
  /** A submitted version: the task's progress is the one the submission left, not today's. */
  frozen?: boolean;
}) {
  const t = useT('shell');
  const id = item.task.id;
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      <Heading id={`${idPrefix}-${id}`} className="dondoc-item-title">
        <Link to={`/nhiem-vu/${id}`}>{item.task.code}</Link> — {item.task.title}
      </Heading>
      <Space size={[8, 4]} wrap className="dondoc-item-meta">
        <TaskStatusTag status={item.task.status} />
        <Typography.Text type="secondary">
          {item.task.continuous || !item.task.deadline
            ? t('report.continuousTask')
            : t('report.deadline', { date: formatDate(item.task.deadline) })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t(frozen ? 'report.submittedProgress' : 'report.currentProgress', { value: item.task.progress })}
        </Typography.Text>
      </Space>
    </>
  );
}

/** A covered task as the report states it (submitted, accepted, read by a coordinator, or an earlier submission). */
export function ReportItemView({
  item,
  headingLevel = 3,
  idPrefix = 'item',
  frozen = false,
}: {
  item: ReportView['items'][number];
  headingLevel?: 3 | 4;
  idPrefix?: string;
  frozen?: boolean;
}) {
  const t = useT('shell');
  return (
    <section aria-labelledby={`${idPrefix}-${item.task.id}`}>
      <ReportItemHeading item={item} headingLevel={headingLevel} idPrefix={idPrefix} frozen={frozen} />
      <dl className="dondoc-dl">
        <dt>{t('report.progress')}</dt>
        <dd>{item.progress === null ? '—' : `${item.progress}%`}</dd>
        <dt>{t('report.result')}</dt>
        <dd>
          <MultilineText text={item.result} />
        </dd>
        <dt>{t('report.obstacles')}</dt>
        <dd>
          <MultilineText text={item.obstacles} />
        </dd>
        <dt>{t('report.proposals')}</dt>
        <dd>
          <MultilineText text={item.proposals} />
        </dd>
        <dt>{t('report.beyondAuthorityShort')}</dt>
        <dd>
          {item.beyondAuthority ? (
            <Tag className="dondoc-tag" color="#a8071a">
              {t('report.beyondAuthority')}
            </Tag>
          ) : (
            t('common.no')
          )}
        </dd>
      </dl>
    </section>
  );
}

function ReportItemFields({ item, checkingSubmission }: { item: ReportView['items'][number]; checkingSubmission: () => boolean }) {
  const t = useT('shell');
  const id = item.task.id;
  return (
    <section aria-labelledby={`item-${id}`}>
      <ReportItemHeading item={item} />
      <div className="dondoc-item-grid">
        <Form.Item
          name={['items', id, 'progress']}
          label={t('report.progress')}
          rules={[
            { type: 'integer', min: 0, max: 100, message: t('task.progressRange') },
            {
              validator: (_, value: number | null | undefined) =>
                value == null && checkingSubmission() ? Promise.reject(new Error(t('report.progressMissing'))) : Promise.resolve(),
            },
            // The server's rule: a completed task's line says 100 (refused otherwise, never replaced on the task).
            {
              validator: (_, value: number | null | undefined) =>
                item.task.status.startsWith('done') && typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 100
                  ? Promise.reject(new Error(t('report.progressOfDone', { progress: value })))
                  : Promise.resolve(),
            },
          ]}
        >
          {/* No min/max: 150 stays 150 and is refused by the rule, never turned into 100. */}
          <InputNumber step={5} suffix="%" className="dondoc-number" />
        </Form.Item>
        <Form.Item name={['items', id, 'beyondAuthority']} valuePropName="checked" label={t('report.beyondAuthorityShort')}>
          <Checkbox>{t('report.beyondAuthority')}</Checkbox>
        </Form.Item>
      </div>
      <div className="dondoc-item-texts">
      <Form.Item name={['items', id, 'result']} label={t('report.result')} rules={[maxTextRule(5000)]}>
        <LimitedText autoSize={{ minRows: 2, maxRows: 8 }} max={5000} />
      </Form.Item>
      <Form.Item
        name={['items', id, 'obstacles']}
        label={t('report.obstacles')}
        dependencies={[['items', id, 'beyondAuthority']]}
        rules={[
          maxTextRule(5000),
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              getFieldValue(['items', id, 'beyondAuthority']) && !value?.trim()
                ? Promise.reject(new Error(t('report.obstaclesRequired')))
                : Promise.resolve(),
          }),
        ]}
      >
        <LimitedText autoSize={{ minRows: 2, maxRows: 8 }} max={5000} />
      </Form.Item>
      <Form.Item name={['items', id, 'proposals']} label={t('report.proposals')} rules={[maxTextRule(5000)]}>
        <LimitedText autoSize={{ minRows: 2, maxRows: 8 }} max={5000} />
      </Form.Item>
      </div>
    </section>
  );
}
