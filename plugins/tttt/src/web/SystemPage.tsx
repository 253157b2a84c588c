/**
 * `/m/tttt/he-thong`: the procedures information system as Sở TT&TT follows it — features with
 * the overdue ones counted, connections by status with the stale ones flagged and their
 * incidents' durations, the security level, last assessment and open findings.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, DownloadButton, ErrorPanel, formatDate, Link, modulePath, PageHeader, Section, Space, StatusTag, Table, Tag, TAG_COLORS, Typography, useAccess, useLocale, useT } from '@dondoc/ui';
import { formatMinutes } from '../domain/systems.ts';
import { client, MODULE_ID, queries, type ConnectionList, type FeatureList, type Security } from './client.ts';
import { ConnectionDialog, FeatureDialog, FindingDialog, hanoiDateTimeText, IncidentDialog, SettingsDialog } from './SystemEditors.tsx';
import {
  CONNECTION_KIND_LABELS,
  CONNECTION_STATUS_COLORS,
  CONNECTION_STATUS_LABELS,
  FEATURE_STATUS_COLORS,
  FEATURE_STATUS_LABELS,
  SEVERITY_COLORS,
  SEVERITY_LABELS,
} from './labels.ts';
import './i18n.ts';

export function SystemPage() {
  const t = useT('tttt');
  const common = useT();
  const featuresQuery = useQuery(queries.features.list.queryOptions());
  const connectionsQuery = useQuery(queries.connections.list.queryOptions());
  const securityQuery = useQuery(queries.security.get.queryOptions());
  const [editing, setEditing] = useState<Editing | null>(null);
  const failed = [featuresQuery, connectionsQuery, securityQuery].find((q) => q.isError);
  if (failed) return <ErrorPanel title={common('common.loadFailed')} error={failed.error} onRetry={() => void failed.refetch()} />;
  const close = () => setEditing(null);
  return (
    <div className="dondoc-page">
      <PageHeader title={t('system.title')} intro={t('system.intro')} />
      <Features data={featuresQuery.data} loading={featuresQuery.isPending} edit={setEditing} />
      <Connections data={connectionsQuery.data} loading={connectionsQuery.isPending} edit={setEditing} />
      <SecuritySection data={securityQuery.data} loading={securityQuery.isPending} edit={setEditing} />
      {editing?.kind === 'feature' ? <FeatureDialog feature={editing.row} onClose={close} /> : null}
      {editing?.kind === 'connection' ? <ConnectionDialog connection={editing.row} onClose={close} /> : null}
      {editing?.kind === 'incident' ? <IncidentDialog connection={editing.connection} incident={editing.row} onClose={close} /> : null}
      {editing?.kind === 'finding' ? <FindingDialog finding={editing.row} onClose={close} /> : null}
      {editing?.kind === 'settings' ? <SettingsDialog settings={editing.row} onClose={close} /> : null}
    </div>
  );
}

type Connection = ConnectionList['items'][number];
/** The row being edited (null `row`: a new one). */
type Editing =
  | { kind: 'feature'; row: FeatureList['items'][number] | null }
  | { kind: 'connection'; row: Connection | null }
  | { kind: 'incident'; connection: Connection; row: Connection['incidents'][number] | null }
  | { kind: 'finding'; row: Security['findings'][number] | null }
  | { kind: 'settings'; row: Security['settings'] };
type Edit = (editing: Editing) => void;

const WRITE = 'tttt.system:write';

/** A small "Sửa" button naming what it edits (for screen readers and keyboard users). */
function EditButton({ name, onClick }: { name: string; onClick: () => void }) {
  const t = useT('tttt');
  return (
    <Button size="small" aria-label={t('editNamed', { name })} onClick={onClick}>
      {t('edit')}
    </Button>
  );
}

const overdueTag = (text: string) => <Tag color={TAG_COLORS.red}>{text}</Tag>;

function Features({ data, loading, edit }: { data: FeatureList | undefined; loading: boolean; edit: Edit }) {
  const t = useT('tttt');
  const canWrite = useAccess().can(WRITE);
  return (
    <Section
      title={t('system.features')}
      loading={loading}
      extra={
        <Space>
          {canWrite ? (
            <Button type="primary" onClick={() => edit({ kind: 'feature', row: null })}>
              {t('system.addFeature')}
            </Button>
          ) : null}
          <DownloadButton load={() => client.features.export.query()}>{t('export')}</DownloadButton>
        </Space>
      }
    >
      {data ? <Typography.Paragraph data-testid="feature-counts">{t('system.featureCounts', data.counts)}</Typography.Paragraph> : null}
      <Table<FeatureList['items'][number]>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('system.empty') }}
        columns={[
          { title: t('system.name'), dataIndex: 'name' },
          { title: t('system.owner'), dataIndex: 'owner' },
          { title: t('system.deadline'), dataIndex: 'deadline', render: (value: string | null) => formatDate(value) },
          {
            title: t('state'),
            key: 'status',
            render: (_, row) => (
              <Space>
                <StatusTag value={row.status} labels={FEATURE_STATUS_LABELS} colors={FEATURE_STATUS_COLORS} />
                {row.overdue ? overdueTag(t('system.overdue')) : null}
              </Space>
            ),
          },
          ...(canWrite ? [{ title: '', key: 'edit', render: (_: unknown, row: FeatureList['items'][number]) => <EditButton name={row.name} onClick={() => edit({ kind: 'feature', row })} /> }] : []),
        ]}
      />
    </Section>
  );
}

function Connections({ data, loading, edit }: { data: ConnectionList | undefined; loading: boolean; edit: Edit }) {
  const t = useT('tttt');
  const { locale } = useLocale();
  const canWrite = useAccess().can(WRITE);
  return (
    <Section
      title={t('system.connections')}
      loading={loading}
      extra={
        canWrite ? (
          <Space>
            <Button type="primary" onClick={() => edit({ kind: 'connection', row: null })}>
              {t('system.addConnection')}
            </Button>
            <Link to={modulePath(MODULE_ID, 'nhap-tu-tep')}>{t('nav.import')}</Link>
          </Space>
        ) : null
      }
    >
      {data ? (
        <Typography.Paragraph data-testid="connection-counts">{t('system.connectionCounts', { ...data.counts.byStatus, total: data.counts.total, stale: data.counts.stale, days: data.staleAfterDays })}</Typography.Paragraph>
      ) : null}
      <Table<ConnectionList['items'][number]>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('system.empty') }}
        columns={[
          { title: t('system.name'), dataIndex: 'name' },
          { title: t('system.kind'), key: 'kind', render: (_, row) => CONNECTION_KIND_LABELS[row.kind][locale] },
          { title: t('state'), key: 'status', render: (_, row) => <StatusTag value={row.status} labels={CONNECTION_STATUS_LABELS} colors={CONNECTION_STATUS_COLORS} /> },
          {
            title: t('system.lastSuccess'),
            key: 'lastSuccess',
            render: (_, row) => (
              <Space>
                {formatDate(row.lastSuccessOn)}
                {row.stale ? overdueTag(t('system.stale', { days: data?.staleAfterDays ?? '' })) : null}
              </Space>
            ),
          },
          {
            title: t('system.incidents'),
            key: 'incidents',
            render: (_, row) => (
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {row.incidents.map((incident) => (
                  <li key={incident.id}>
                    {hanoiDateTimeText(incident.startedAt)}: {incident.description} ({incident.minutes === null ? '' : formatMinutes(incident.minutes, locale)}
                    {incident.open ? `, ${t('system.incidentOpen')}` : ''}){' '}
                    {canWrite ? <EditButton name={`${t('system.incidents')} ${hanoiDateTimeText(incident.startedAt)}`} onClick={() => edit({ kind: 'incident', connection: row, row: incident })} /> : null}
                  </li>
                ))}
              </ul>
            ),
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'edit',
                  render: (_: unknown, row: Connection) => (
                    <Space>
                      <EditButton name={row.name} onClick={() => edit({ kind: 'connection', row })} />
                      <Button size="small" aria-label={`${t('system.addIncident')}: ${row.name}`} onClick={() => edit({ kind: 'incident', connection: row, row: null })}>
                        {t('system.addIncident')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Section>
  );
}

function SecuritySection({ data, loading, edit }: { data: Security | undefined; loading: boolean; edit: Edit }) {
  const t = useT('tttt');
  const access = useAccess();
  const canWrite = access.can(WRITE);
  return (
    <Section
      title={t('system.security')}
      loading={loading}
      extra={
        <Space>
          {canWrite ? (
            <Button type="primary" onClick={() => edit({ kind: 'finding', row: null })}>
              {t('system.addFinding')}
            </Button>
          ) : null}
          {access.can('tttt.contents:write') && data ? <Button onClick={() => edit({ kind: 'settings', row: data.settings })}>{t('system.settings')}</Button> : null}
          <DownloadButton load={() => client.security.export.query()}>{t('export')}</DownloadButton>
        </Space>
      }
    >
      {data ? (
        <>
          <Typography.Paragraph>
            {t('system.level', { level: data.settings.securityLevel })} — {data.settings.lastAssessedOn ? t('system.assessed', { date: formatDate(data.settings.lastAssessedOn) }) : t('system.neverAssessed')}
            {data.assessmentOverdue ? <> {overdueTag(t('system.assessmentDue'))}</> : null}
          </Typography.Paragraph>
          <Typography.Paragraph data-testid="finding-counts">{t('system.findingCounts', data.counts)}</Typography.Paragraph>
        </>
      ) : null}
      <Table<Security['findings'][number]>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data?.findings ?? []}
        locale={{ emptyText: t('system.empty') }}
        columns={[
          { title: t('system.finding'), dataIndex: 'title' },
          { title: t('system.owner'), dataIndex: 'owner' },
          { title: t('system.severity'), key: 'severity', render: (_, row) => <StatusTag value={row.severity} labels={SEVERITY_LABELS} colors={SEVERITY_COLORS} /> },
          {
            title: t('system.deadline'),
            key: 'deadline',
            render: (_, row) => (
              <Space>
                {formatDate(row.deadline)}
                {row.overdue ? overdueTag(t('system.overdue')) : null}
                {row.resolvedOn ? t('system.resolved', { date: formatDate(row.resolvedOn) }) : null}
              </Space>
            ),
          },
          ...(canWrite ? [{ title: '', key: 'edit', render: (_: unknown, row: Security['findings'][number]) => <EditButton name={row.title} onClick={() => edit({ kind: 'finding', row })} /> }] : []),
        ]}
      />
    </Section>
  );
}
