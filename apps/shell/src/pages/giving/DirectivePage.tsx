import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Breadcrumb, Button, Descriptions, Form, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { errorMessage, ErrorPanel, formatBytes, formatDate, formatDateTime, personLabel, Section, toDayjs, useDocumentTitle, useLocale, useT, useVersionedForm } from '@dondoc/ui';
import { core } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import { useLabels } from '../../core/labels.ts';
import { MultilineText } from '../../core/ui.tsx';
import { Loading } from '../../components/Loading.tsx';
import { DirectiveStateTag } from './DirectivesPage.tsx';
import { attachDirectiveFile, DirectiveFields, DirectiveFilePicker, directiveInput, type DirectiveValues } from './DirectiveForm.tsx';
import { DraftTaskForm } from './DraftTaskForm.tsx';
import { IssuedTasks } from './IssuedTasks.tsx';
import type { DirectiveDetail, DraftTask } from './types.ts';
import { useGroupLabel, useUnits } from './units.ts';
import './giving.css';

/** `/giao-nhiem-vu/:id`: a draft directive's editor (fields, draft tasks, issue) or an issued directive with its tasks. */
export function DirectivePage() {
  const { id = '' } = useParams();
  const t = useT('shell');
  const location = useLocation();
  const attachError = (location.state as { attachError?: string } | null)?.attachError ?? null;
  const query = useQuery({
    queryKey: coreKeys.directive(id),
    queryFn: () => core.directives.get.query({ id }),
    retry: (count, error) => count < 1 && !/NOT_FOUND|BAD_REQUEST/.test(String((error as { data?: { code?: string } }).data?.code)),
  });
  useDocumentTitle(query.data ? t('directive.heading', { number: query.data.number }) : t('directive.title'));
  if (query.isPending) return <Loading text={t('directive.loading')} />;
  if (query.isError) {
    return (
      <div className="dondoc-page">
        <ErrorPanel headingLevel={1} title={t('directive.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />
        <Link to="/giao-nhiem-vu">{t('directive.backToList')}</Link>
      </div>
    );
  }
  const directive = query.data;
  return (
    <div className="dondoc-page">
      <Breadcrumb
        className="dondoc-breadcrumb"
        items={[{ title: <Link to="/giao-nhiem-vu">{t('giving.title')}</Link> }, { title: directive.number }]}
      />
      <div className="dondoc-directive-eyebrow">
        <DirectiveStateTag state={directive.state} />
        <Typography.Text type="secondary">
          {directive.issuer} · {formatDate(directive.issuedOn)}
        </Typography.Text>
      </div>
      <Typography.Title level={1} className="dondoc-detail-title">
        {t('directive.heading', { number: directive.number })}
      </Typography.Title>
      <Typography.Paragraph>{directive.subject}</Typography.Paragraph>
      {attachError ? <Alert type="error" showIcon closable className="dondoc-gap" title={attachError} /> : null}
      {directive.state === 'draft' ? <DraftDirective key={directive.id} directive={directive} /> : <IssuedDirective directive={directive} />}
    </div>
  );
}

// ---------------------------------------------------------------------------------------
// Draft

function DraftDirective({ directive }: { directive: DirectiveDetail }) {
  const t = useT('shell');
  const units = useUnits();
  const [editing, setEditing] = useState<DraftTask | null>(null);
  const [taskFormDirty, setTaskFormDirty] = useState(false);
  return (
    <>
      <Alert type="info" showIcon className="dondoc-gap" title={t('directive.draftNote')} />
      <Section title={t('directive.infoTitle')}>
        <DirectiveInfoForm directive={directive} />
      </Section>
      <Section title={t('directive.draftsTitle', { count: directive.drafts.length })}>
        <DraftTable
          directive={directive}
          editingId={editing?.id ?? null}
          onEdit={(draft) => {
            setEditing(draft);
            setTaskFormDirty(false);
            requestAnimationFrame(() => {
              document.getElementById('draft-task-form')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
              document.getElementById(`draft-task-${draft.id}_clause`)?.focus({ preventScroll: true });
            });
          }}
          onRemoved={(draft) => {
            if (editing?.id === draft.id) setEditing(null);
          }}
        />
      </Section>
      <div id="draft-task-form">
        <Section title={editing ? t('taskForm.editTitle', { clause: editing.clause }) : t('taskForm.addTitle')}>
          {units.isError ? (
            <ErrorPanel headingLevel={3} title={t('common.loading')} error={units.error} onRetry={() => void units.refetch()} />
          ) : null}
          <DraftTaskForm
            key={editing?.id ?? 'new'}
            directive={directive}
            draft={editing}
            units={units.data}
            onDone={() => setEditing(null)}
            onDirtyChange={setTaskFormDirty}
          />
        </Section>
      </div>
      <IssueBar directive={directive} taskFormDirty={taskFormDirty} />
    </>
  );
}

/** The directive's own fields, saved with the version read; its file is sent as soon as it is chosen. */
function DirectiveInfoForm({ directive }: { directive: DirectiveDetail }) {
  const t = useT('shell');
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DirectiveValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [phase, setPhase] = useState<{ fraction: number; filename: string } | null>(null);
  const valuesOf = (d: DirectiveDetail): DirectiveValues => ({
    number: d.number,
    issuedOn: toDayjs(d.issuedOn),
    issuer: d.issuer,
    subject: d.subject,
    signer: d.signer ?? '',
    fullText: d.fullText,
  });
  const versioned = useVersionedForm({
    version: directive.version,
    form,
    save: (values: DirectiveValues, version: number) => core.directives.update.mutate({ id: directive.id, version, ...directiveInput(values) }),
    onSaved: () => {
      void message.success(t('directive.saved'));
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
    },
    reload: async () => {
      const fresh = await core.directives.get.query({ id: directive.id });
      queryClient.setQueryData(coreKeys.directive(directive.id), fresh);
      return { version: fresh.version, values: { ...valuesOf(fresh) } };
    },
  });
  const save = versioned.mutation;
  const attach = async (file: File | null) => {
    if (!file) return;
    setProblem(null);
    try {
      setPhase({ fraction: 0, filename: file.name });
      const attached = await attachDirectiveFile(directive.id, file, (fraction) => setPhase({ fraction, filename: file.name }));
      void message.success(t('directiveForm.attached', { name: attached.filename }));
      void queryClient.invalidateQueries({ queryKey: coreKeys.directive(directive.id) });
    } catch (error) {
      setProblem(t('directiveForm.attachFailed', { name: file.name, reason: errorMessage(error) }));
    } finally {
      setPhase(null);
    }
  };
  return (
    <Form<DirectiveValues>
      form={form}
      name={`directive-${directive.id}`}
      layout="vertical"
      initialValues={valuesOf(directive)}
      onFinish={versioned.submit}
      disabled={save.isPending}
      scrollToFirstError
    >
      {versioned.alerts}
      <DirectiveFields hasFile={directive.attachment !== null} />
      <DirectiveFilePicker chosen={null} existing={directive.attachment} onChoose={(file) => void attach(file)} phase={phase} problem={problem} onProblem={setProblem} />
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('directive.save')}
      </Button>
    </Form>
  );
}

/** Who gets a draft task, in names: one unit, a list (the first few), or a group with its count. */
function AssigneesCell({ draft }: { draft: DraftTask }) {
  const t = useT('shell');
  const groupLabel = useGroupLabel();
  const shown = 3;
  let main: string;
  if (draft.assignees.kind === 'group') main = `${groupLabel(draft.assignees.group)} (${t('directive.unitsCount', { count: draft.units.length })})`;
  else if (draft.units.length <= shown) main = draft.units.map((unit) => unit.name).join(', ');
  else main = `${draft.units.slice(0, shown).map((unit) => unit.name).join(', ')} ${t('directive.andMore', { count: draft.units.length - shown })}`;
  return (
    <div className="dondoc-assignees-cell">
      <span>{main}</span>
      {draft.several && draft.followUpUnit ? <span className="dondoc-muted dondoc-small">{t('directive.followUpBy', { unit: draft.followUpUnit.name })}</span> : null}
      {draft.coordinatingUnits.length > 0 ? (
        <span className="dondoc-muted dondoc-small">{t('directive.coordinators', { units: draft.coordinatingUnits.map((u) => u.name).join(', ') })}</span>
      ) : null}
    </div>
  );
}

function DraftTable({
  directive,
  editingId,
  onEdit,
  onRemoved,
}: {
  directive: DirectiveDetail;
  editingId: string | null;
  onEdit: (draft: DraftTask) => void;
  onRemoved: (draft: DraftTask) => void;
}) {
  const t = useT('shell');
  const labels = useLabels();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (draft: DraftTask) => core.directives.removeTask.mutate({ id: draft.id, version: draft.version }),
    onSuccess: (_, draft) => {
      void message.success(t('directive.removed', { clause: draft.clause }));
      onRemoved(draft);
      void queryClient.invalidateQueries({ queryKey: coreKeys.directive(directive.id) });
    },
    onError: (error) => {
      void message.error(errorMessage(error));
      void queryClient.invalidateQueries({ queryKey: coreKeys.directive(directive.id) });
    },
  });
  return (
    <Table<DraftTask>
      size="small"
      rowKey="id"
      dataSource={directive.drafts}
      pagination={false}
      locale={{ emptyText: t('directive.noDrafts') }}
      scroll={{ x: 900 }}
      rowClassName={(row) => (row.id === editingId ? 'ant-table-row-selected' : '')}
      columns={[
        { title: t('directive.clause'), dataIndex: 'clause', width: 70 },
        { title: t('directive.taskTitle'), dataIndex: 'title' },
        { title: t('directive.assignees'), key: 'assignees', width: 300, render: (_, draft) => <AssigneesCell draft={draft} /> },
        {
          title: t('directive.deadline'),
          dataIndex: 'deadline',
          width: 120,
          render: (_, draft) => (draft.continuous || !draft.deadline ? labels.status('continuous') : formatDate(draft.deadline)),
        },
        {
          title: t('taskForm.cadence'),
          dataIndex: 'cadence',
          width: 120,
          render: (cadence: string, draft) => (
            <>
              {labels.cadence(cadence as never)}
              {draft.targets.length > 0 ? <div className="dondoc-muted dondoc-small">{t('directive.targetsCount', { count: draft.targets.length })}</div> : null}
            </>
          ),
        },
        {
          title: <span className="dondoc-visually-hidden">{t('tasks.actions')}</span>,
          key: 'actions',
          width: 190,
          render: (_, draft) => (
            <Space size={4} wrap>
              <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => onEdit(draft)} aria-label={t('directive.editFor', { clause: draft.clause })}>
                {t('directive.edit')}
              </Button>
              <Popconfirm
                title={t('directive.removeConfirm', { clause: draft.clause })}
                okText={t('directive.remove')}
                okButtonProps={{ className: 'dondoc-danger-solid' }}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutate(draft)}
              >
                <Button
                  size="small"
                  className="dondoc-danger-outline"
                  icon={<DeleteOutlined aria-hidden />}
                  loading={remove.isPending && remove.variables?.id === draft.id}
                  aria-label={t('directive.removeFor', { clause: draft.clause })}
                >
                  {t('directive.remove')}
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}

/** "Ban hành" (with a confirmation naming how many tasks and units) and "Xóa dự thảo". */
function IssueBar({ directive, taskFormDirty }: { directive: DirectiveDetail; taskFormDirty: boolean }) {
  const t = useT('shell');
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<'issue' | 'discard' | null>(null);
  const unitCount = useMemo(() => new Set(directive.drafts.flatMap((draft) => draft.units.map((unit) => unit.code))).size, [directive.drafts]);
  const issue = useMutation({
    mutationFn: () => core.directives.issue.mutate({ id: directive.id, version: directive.version }),
    onSuccess: (issued) => {
      setConfirming(null);
      const given = issued.tasks.reduce((sum, task) => sum + (task.isParent ? task.childCount : 1), 0);
      void message.success(t('directive.issued', { number: issued.number, count: given }));
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: coreKeys.directive(directive.id) }),
  });
  const discard = useMutation({
    mutationFn: () => core.directives.discard.mutate({ id: directive.id, version: directive.version }),
    onSuccess: () => {
      setConfirming(null);
      void message.success(t('directive.discarded', { number: directive.number }));
      void queryClient.invalidateQueries({ queryKey: coreKeys.directives });
      queryClient.removeQueries({ queryKey: coreKeys.directive(directive.id) });
      navigate('/giao-nhiem-vu');
    },
  });
  const none = directive.drafts.length === 0;
  return (
    <Section title={t('directive.issueBar')}>
      <div className="dondoc-issue-bar">
        <p>{none ? t('directive.issueNoTasks') : t('directive.issueHelp')}</p>
        <Space wrap>
          <Button
            className="dondoc-danger-outline"
            icon={<DeleteOutlined aria-hidden />}
            onClick={() => {
              discard.reset();
              setConfirming('discard');
            }}
          >
            {t('directive.discard')}
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined aria-hidden />}
            disabled={none}
            onClick={() => {
              issue.reset();
              setConfirming('issue');
            }}
          >
            {t('directive.issue')}
          </Button>
        </Space>
      </div>
      <Modal
        open={confirming === 'issue'}
        title={t('directive.issueTitle', { number: directive.number })}
        okText={t('directive.issue')}
        cancelText={t('common.cancel')}
        confirmLoading={issue.isPending}
        onOk={() => issue.mutate()}
        onCancel={() => setConfirming(null)}
      >
        {issue.isError ? <Alert type="error" showIcon className="dondoc-gap" title={errorMessage(issue.error)} /> : null}
        <p>{t('directive.issueText', { tasks: directive.drafts.length, units: unitCount })}</p>
        {taskFormDirty ? <Alert type="warning" showIcon title={t('directive.issueUnsaved')} /> : null}
      </Modal>
      <Modal
        open={confirming === 'discard'}
        title={t('directive.discardTitle', { number: directive.number })}
        okText={t('directive.discard')}
        okButtonProps={{ className: 'dondoc-danger-solid' }}
        cancelText={t('common.cancel')}
        confirmLoading={discard.isPending}
        onOk={() => discard.mutate()}
        onCancel={() => setConfirming(null)}
      >
        {discard.isError ? <Alert type="error" showIcon className="dondoc-gap" title={errorMessage(discard.error)} /> : null}
        <p>{t('directive.discardText')}</p>
      </Modal>
    </Section>
  );
}

// ---------------------------------------------------------------------------------------
// Issued

function IssuedDirective({ directive }: { directive: DirectiveDetail }) {
  const t = useT('shell');
  const { locale } = useLocale();
  return (
    <>
      <Section title={t('directive.infoTitle')}>
        <Descriptions column={1} size="small" bordered className="dondoc-descriptions">
          <Descriptions.Item label={t('giving.number')}>{directive.number}</Descriptions.Item>
          <Descriptions.Item label={t('giving.issuedOn')}>{formatDate(directive.issuedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('giving.issuer')}>{directive.issuer}</Descriptions.Item>
          <Descriptions.Item label={t('giving.subject')}>{directive.subject}</Descriptions.Item>
          <Descriptions.Item label={t('giving.signer')}>{directive.signer || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('directive.issuedBy')}>
            {directive.issuedAt
              ? directive.issuedBy
                ? t('directive.issuedByValue', { by: personLabel(directive.issuedBy), at: formatDateTime(directive.issuedAt) })
                : formatDateTime(directive.issuedAt)
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('directiveForm.file')}>
            {directive.attachment
              ? t('directiveForm.attachedFile', {
                  name: directive.attachment.filename,
                  size: formatBytes(directive.attachment.size, locale),
                  by: personLabel(directive.attachment.uploadedBy),
                  at: formatDateTime(directive.attachment.uploadedAt),
                })
              : t('directiveForm.noAttachment')}
          </Descriptions.Item>
          <Descriptions.Item label={t('directiveForm.fullText')}>
            {directive.fullText.trim() ? (
              <pre className="dondoc-full-text" tabIndex={0}>
                {directive.fullText}
              </pre>
            ) : (
              <MultilineText text={null} />
            )}
          </Descriptions.Item>
        </Descriptions>
      </Section>
      <Section title={t('directive.tasksTitle', { count: directive.tasks.length })}>
        <IssuedTasks directive={directive} />
      </Section>
    </>
  );
}

