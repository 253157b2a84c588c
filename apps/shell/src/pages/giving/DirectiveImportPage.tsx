import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Checkbox, Descriptions, Progress, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { errorMessage, FilePicker, TAG_COLORS, formatBytes, formatDate, Section, uploadForm, uploadWithProgress, useDocumentTitle, useLocale, useT } from '@dondoc/ui';
import { markFindings } from '@dondoc/directive-parser/findings';
import { core } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import './giving.css';

type Reading = Awaited<ReturnType<typeof core.directives.read.mutate>>;
type ParsedTask = Reading['parsed']['tasks'][number];

/** What the page reads: a directive's text, as the parser takes it. */
const ACCEPT = '.md,.txt,.docx';
const MAX_BYTES = 5 * 1024 * 1024;

function Marked({ task }: { task: ParsedTask }) {
  const phrases = [...task.units.map((u) => u.name), ...(task.deadlinePhrase ? [task.deadlinePhrase] : []), ...task.targets.map((t) => t.phrase)];
  return (
    <blockquote className="dondoc-import-source">
      {markFindings(task.source, phrases).map((part, i) => (part.found ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </blockquote>
  );
}

/**
 * `/giao-nhiem-vu/nhap-van-ban`: a directive's text (.md, .txt or .docx) read for its tasks —
 * the directive's number, date, issuer and subject; each clause with its lead and coordinating
 * units, deadline and targets, the sentence each came from marked — the reviewer keeps the
 * tasks they want and saves a draft of the giving-tasks flow, which they check and issue on the
 * directive's page. Nothing reaches a unit before a person issues it.
 */
export function DirectiveImportPage() {
  const t = useT('shell');
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useDocumentTitle(t('giving.import.title'));
  const [progress, setProgress] = useState<number | null>(null);
  const [picked, setPicked] = useState<File | null>(null);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());

  const read = useMutation({
    mutationFn: (file: File) => uploadWithProgress<Reading>('core', 'directives.read', uploadForm(file, {}), setProgress),
    onSuccess: () => setExcluded(new Set()),
    onSettled: () => setProgress(null),
  });
  const reading = read.data;
  const kept = useMemo(() => reading?.plan?.tasks.filter((task) => !excluded.has(task.clause)) ?? [], [reading, excluded]);
  const save = useMutation({
    mutationFn: () => core.directives.importDraft.mutate({ directive: reading!.plan!.directive, tasks: kept }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
      void message.success(t('giving.import.saved', { number: saved.number, count: saved.tasks }));
      void navigate(`/giao-nhiem-vu/${saved.id}`);
    },
  });

  const pick = (file: File) => {
    setPicked(file);
    read.reset();
    save.reset();
    if (file.size > MAX_BYTES) return;
    read.mutate(file);
  };
  const tooBig = picked !== null && picked.size > MAX_BYTES;
  const plannedClauses = new Set(reading?.plan?.tasks.map((task) => task.clause) ?? []);
  const unitNames = (task: ParsedTask, role: 'lead' | 'coordinate'): ReactNode => {
    const groups = role === 'lead' ? task.groups.map((g) => t(`giving.import.group.${g}`)) : [];
    const units = task.units.filter((u) => u.role === role && (role !== 'lead' || !u.group));
    const all = [
      ...groups.map((name) => <Tag key={name}>{name}</Tag>),
      ...units.map((u) => (
        <Tag key={`${u.name}-${u.code}`} color={u.matched ? undefined : TAG_COLORS.orange} className={u.matched ? undefined : 'dondoc-tag'} title={u.matched ? undefined : t('giving.import.unmatched')}>
          {u.name}
          {u.matched ? '' : ` (${t('giving.import.unmatchedShort')})`}
        </Tag>
      )),
    ];
    return all.length > 0 ? <Space size={[4, 4]} wrap>{all}</Space> : '—';
  };

  const columns: TableColumnsType<ParsedTask> = [
    {
      title: t('giving.import.keep'),
      key: 'keep',
      width: 70,
      render: (_, task) =>
        plannedClauses.has(task.clause) ? (
          <Checkbox
            checked={!excluded.has(task.clause)}
            aria-label={t('giving.import.keepClause', { clause: task.clause })}
            onChange={(event) =>
              setExcluded((current) => {
                const next = new Set(current);
                if (event.target.checked) next.delete(task.clause);
                else next.add(task.clause);
                return next;
              })
            }
          />
        ) : (
          <Typography.Text type="secondary">{t('giving.import.notPlanned')}</Typography.Text>
        ),
    },
    { title: t('giving.import.clause'), dataIndex: 'clause', width: 70 },
    {
      title: t('giving.import.task'),
      key: 'task',
      render: (_, task) => (
        <>
          <Marked task={task} />
          <div className="dondoc-watch-meta">{t('giving.import.confidence', { value: Math.round(task.confidence * 100) })}</div>
        </>
      ),
    },
    { title: t('giving.import.lead'), key: 'lead', width: 200, render: (_, task) => unitNames(task, 'lead') },
    { title: t('giving.import.coordinate'), key: 'coordinate', width: 180, render: (_, task) => unitNames(task, 'coordinate') },
    {
      title: t('giving.import.deadline'),
      key: 'deadline',
      width: 120,
      render: (_, task) => (task.continuous ? t('giving.import.continuous') : task.deadline ? formatDate(task.deadline) : '—'),
    },
    {
      title: t('giving.import.targets'),
      key: 'targets',
      width: 160,
      render: (_, task) => (task.targets.length === 0 ? '—' : task.targets.map((target) => <div key={target.phrase}>{`${target.op} ${target.value}${target.unit}`}</div>)),
    },
  ];

  return (
    <div className="dondoc-page dondoc-page-wide">
      <Typography.Title level={1}>{t('giving.import.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('giving.import.intro')}</Typography.Paragraph>
      <Section title={t('giving.import.fileTitle')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <FilePicker id="directive-text" accept={ACCEPT} label={t('giving.import.choose')} chosen={picked?.name} onPick={pick} loading={read.isPending} />
          <Typography.Text type="secondary">{t('giving.import.accepted', { size: formatBytes(MAX_BYTES, locale) })}</Typography.Text>
          {progress !== null ? (
            <div role="status" aria-live="polite">
              <Progress percent={Math.round(progress * 100)} status="active" aria-label={t('giving.import.uploading')} />
              <Typography.Text>{progress < 1 ? t('giving.import.uploading') : t('giving.import.reading')}</Typography.Text>
            </div>
          ) : null}
          {tooBig ? <Alert type="error" showIcon title={t('giving.import.tooBig', { name: picked.name, size: formatBytes(MAX_BYTES, locale) })} /> : null}
          {read.isError ? <Alert type="error" showIcon title={t('giving.import.readFailed')} description={errorMessage(read.error)} /> : null}
        </Space>
      </Section>

      {reading ? (
        <>
          <Section title={t('giving.import.directiveTitle')}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
              <Descriptions.Item label={t('giving.import.number')}>{reading.parsed.directive.number ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('giving.import.date')}>{reading.parsed.directive.date ? formatDate(reading.parsed.directive.date) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('giving.import.issuer')}>{reading.parsed.directive.issuer ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('giving.import.signer')}>{reading.parsed.directive.signer ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('giving.import.subject')} span={2}>
                {reading.parsed.directive.subject ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('giving.import.references')} span={2}>
                {reading.parsed.references.length === 0
                  ? '—'
                  : reading.parsed.references.map((r) => (
                      <div key={r.number}>
                        {r.kind} {r.number}
                        {r.date ? ` ${t('giving.import.of', { date: formatDate(r.date) })}` : ''}
                      </div>
                    ))}
              </Descriptions.Item>
            </Descriptions>
            {reading.parsed.warnings.map((w) => (
              <Alert key={w.vi} type="warning" showIcon title={w[locale]} className="dondoc-gap-top" />
            ))}
          </Section>
          <Section title={t('giving.import.tasksTitle', { count: reading.parsed.tasks.length })}>
            {reading.problem ? <Alert type="warning" showIcon title={reading.problem[locale]} className="dondoc-gap" /> : null}
            {reading.plan?.skipped.length ? (
              <Alert
                type="info"
                showIcon
                className="dondoc-gap"
                title={t('giving.import.skippedTitle')}
                description={
                  <ul>
                    {reading.plan.skipped.map((s, i) => (
                      <li key={`${s.clause}-${i}`}>{t('giving.import.skipped', { clause: s.clause, why: s.why[locale] })}</li>
                    ))}
                  </ul>
                }
              />
            ) : null}
            <Table<ParsedTask> size="small" rowKey={(task) => task.clause} dataSource={reading.parsed.tasks} columns={columns} pagination={false} scroll={{ x: 1100 }} data-testid="import-tasks" />
          </Section>
          {reading.plan ? (
            <Section title={t('giving.import.saveTitle')}>
              <Typography.Paragraph>{t('giving.import.saveHelp', { count: kept.length })}</Typography.Paragraph>
              {save.isError ? <Alert type="error" showIcon title={t('giving.import.saveFailed')} description={errorMessage(save.error)} className="dondoc-gap" /> : null}
              <Space>
                <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={save.isPending} disabled={kept.length === 0} onClick={() => save.mutate()}>
                  {t('giving.import.save', { count: kept.length })}
                </Button>
                <Link to="/giao-nhiem-vu">{t('common.cancel')}</Link>
              </Space>
            </Section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
