/** The editors of the procedures system's rows and of the follow-up settings (Sở TT&TT). */
import dayjs, { type Dayjs } from 'dayjs';
import { Form, fromDayjs, Input, InputNumber, LimitedText, Select, toDayjs, typedDateRule, useLocale, useT } from '@dondoc/ui';
import { DateField, DatePicker } from '@dondoc/ui/date-picker';
import { CONNECTION_KINDS, CONNECTION_STATUSES, FEATURE_STATUSES, SEVERITIES } from '../domain/systems.ts';
import { client, type ConnectionList, type FeatureList, type Security } from './client.ts';
import { EditDialog } from './EditDialog.tsx';
import { CONNECTION_KIND_LABELS, CONNECTION_STATUS_LABELS, FEATURE_STATUS_LABELS, SEVERITY_LABELS } from './labels.ts';

type Feature = FeatureList['items'][number];
type Connection = ConnectionList['items'][number];
type Incident = Connection['incidents'][number];
type Finding = Security['findings'][number];

const HANOI_OFFSET_MS = 7 * 60 * 60 * 1000;
const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';
/** An instant as Hà Nội's wall clock, for the picker. */
const hanoiClock = (iso: string | Date | null | undefined): Dayjs | null => (iso ? dayjs(new Date(new Date(iso).getTime() + HANOI_OFFSET_MS).toISOString().slice(0, 16)) : null);
/** An instant written dd/mm/yyyy hh:mm in Hà Nội time, whatever the browser's time zone. */
export const hanoiDateTimeText = (iso: string | Date) => hanoiClock(iso)!.format(DATE_TIME_FORMAT);
/** The picker's wall clock read as Hà Nội time. */
const hanoiInstant = (value: Dayjs | null | undefined): string | null => (value ? `${value.format('YYYY-MM-DDTHH:mm')}:00+07:00` : null);

function options<K extends string>(values: readonly K[], labels: Record<K, { vi: string; en: string }>, locale: 'vi' | 'en') {
  return values.map((value) => ({ value, label: labels[value][locale] }));
}

const required = { required: true, whitespace: true };

interface FeatureValues {
  name: string;
  owner: string;
  deadline?: Dayjs | null;
  status: Feature['status'];
  note?: string;
}

export function FeatureDialog({ feature, onClose }: { feature: Feature | null; onClose: () => void }) {
  const t = useT('tttt');
  const { locale } = useLocale();
  return (
    <EditDialog<FeatureValues>
      title={feature ? t('editNamed', { name: feature.name }) : t('system.addFeature')}
      name="tttt-feature"
      version={feature?.version ?? null}
      initialValues={feature ? { ...feature, deadline: toDayjs(feature.deadline), note: feature.note ?? '' } : { status: 'planned' }}
      save={(values, version) => {
        const fields = { name: values.name, owner: values.owner, deadline: fromDayjs(values.deadline ?? null), status: values.status, note: values.note ?? null };
        return feature ? client.features.update.mutate({ id: feature.id, version: version ?? feature.version, ...fields }) : client.features.create.mutate(fields);
      }}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('system.name')} rules={[required]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="owner" label={t('system.owner')} rules={[required]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="deadline" label={t('system.deadline')} rules={[typedDateRule()]}>
        <DateField />
      </Form.Item>
      <Form.Item name="status" label={t('state')} rules={[{ required: true }]}>
        <Select options={options(FEATURE_STATUSES, FEATURE_STATUS_LABELS, locale)} />
      </Form.Item>
      <Form.Item name="note" label={t('system.note')}>
        <LimitedText max={5000} rows={2} />
      </Form.Item>
    </EditDialog>
  );
}

interface ConnectionValues {
  name: string;
  kind: Connection['kind'];
  status: Connection['status'];
  lastSuccessOn?: Dayjs | null;
  note?: string;
}

export function ConnectionDialog({ connection, onClose }: { connection: Connection | null; onClose: () => void }) {
  const t = useT('tttt');
  const { locale } = useLocale();
  return (
    <EditDialog<ConnectionValues>
      title={connection ? t('editNamed', { name: connection.name }) : t('system.addConnection')}
      name="tttt-connection"
      version={connection?.version ?? null}
      initialValues={connection ? { ...connection, lastSuccessOn: toDayjs(connection.lastSuccessOn), note: connection.note ?? '' } : { kind: 'sector', status: 'planned' }}
      save={(values, version) => {
        const fields = { name: values.name, kind: values.kind, status: values.status, lastSuccessOn: fromDayjs(values.lastSuccessOn ?? null), note: values.note ?? null };
        return connection ? client.connections.update.mutate({ id: connection.id, version: version ?? connection.version, ...fields }) : client.connections.create.mutate(fields);
      }}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('system.name')} rules={[required]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="kind" label={t('system.kind')} rules={[{ required: true }]}>
        <Select options={options(CONNECTION_KINDS, CONNECTION_KIND_LABELS, locale)} />
      </Form.Item>
      <Form.Item name="status" label={t('state')} rules={[{ required: true }]}>
        <Select options={options(CONNECTION_STATUSES, CONNECTION_STATUS_LABELS, locale)} />
      </Form.Item>
      <Form.Item name="lastSuccessOn" label={t('system.lastSuccess')} rules={[typedDateRule()]}>
        <DateField />
      </Form.Item>
      <Form.Item name="note" label={t('system.note')}>
        <LimitedText max={5000} rows={2} />
      </Form.Item>
    </EditDialog>
  );
}

interface IncidentValues {
  startedAt: Dayjs;
  endedAt?: Dayjs | null;
  description: string;
}

/** Records an incident on a connection, or edits one (e.g. to note when it was fixed). */
export function IncidentDialog({ connection, incident, onClose }: { connection: Connection; incident: Incident | null; onClose: () => void }) {
  const t = useT('tttt');
  return (
    <EditDialog<IncidentValues>
      title={`${incident ? t('edit') : t('system.addIncident')}: ${connection.name}`}
      name="tttt-incident"
      version={incident?.version ?? null}
      initialValues={incident ? { startedAt: hanoiClock(incident.startedAt)!, endedAt: hanoiClock(incident.endedAt), description: incident.description } : {}}
      save={(values, version) => {
        const fields = { connectionId: connection.id, startedAt: hanoiInstant(values.startedAt)!, endedAt: hanoiInstant(values.endedAt), description: values.description };
        return incident ? client.incidents.update.mutate({ id: incident.id, version: version ?? incident.version, ...fields }) : client.incidents.create.mutate(fields);
      }}
      onClose={onClose}
    >
      <Form.Item name="startedAt" label={t('system.startedAt')} rules={[{ required: true }]}>
        <DatePicker showTime format={DATE_TIME_FORMAT} />
      </Form.Item>
      <Form.Item name="endedAt" label={t('system.endedAt')}>
        <DatePicker showTime format={DATE_TIME_FORMAT} />
      </Form.Item>
      <Form.Item name="description" label={t('system.description')} rules={[required]}>
        <LimitedText max={5000} rows={3} />
      </Form.Item>
    </EditDialog>
  );
}

interface FindingValues {
  title: string;
  owner: string;
  severity: Finding['severity'];
  deadline: Dayjs;
  resolvedOn?: Dayjs | null;
}

export function FindingDialog({ finding, onClose }: { finding: Finding | null; onClose: () => void }) {
  const t = useT('tttt');
  const { locale } = useLocale();
  return (
    <EditDialog<FindingValues>
      title={finding ? t('editNamed', { name: finding.title }) : t('system.addFinding')}
      name="tttt-finding"
      version={finding?.version ?? null}
      initialValues={finding ? { ...finding, deadline: toDayjs(finding.deadline)!, resolvedOn: toDayjs(finding.resolvedOn) } : { severity: 'medium' }}
      save={(values, version) => {
        const fields = { title: values.title, owner: values.owner, severity: values.severity, deadline: fromDayjs(values.deadline) ?? '', resolvedOn: fromDayjs(values.resolvedOn ?? null) };
        return finding ? client.security.updateFinding.mutate({ id: finding.id, version: version ?? finding.version, ...fields }) : client.security.createFinding.mutate(fields);
      }}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('system.finding')} rules={[required]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="owner" label={t('system.owner')} rules={[required]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="severity" label={t('system.severity')} rules={[{ required: true }]}>
        <Select options={options(SEVERITIES, SEVERITY_LABELS, locale)} />
      </Form.Item>
      <Form.Item name="deadline" label={t('system.deadline')} rules={[{ required: true }, typedDateRule()]}>
        <DateField />
      </Form.Item>
      <Form.Item name="resolvedOn" label={t('system.resolvedOn')} rules={[typedDateRule()]}>
        <DateField />
      </Form.Item>
    </EditDialog>
  );
}

interface SettingsValues {
  staleAfterDays: number;
  securityLevel: number;
  lastAssessedOn?: Dayjs | null;
}

export function SettingsDialog({ settings, onClose }: { settings: Security['settings']; onClose: () => void }) {
  const t = useT('tttt');
  return (
    <EditDialog<SettingsValues>
      title={t('system.settings')}
      name="tttt-settings"
      version={settings.version}
      initialValues={{ staleAfterDays: settings.staleAfterDays, securityLevel: settings.securityLevel, lastAssessedOn: toDayjs(settings.lastAssessedOn) }}
      save={(values, version) =>
        client.settings.update.mutate({ staleAfterDays: values.staleAfterDays, securityLevel: values.securityLevel, lastAssessedOn: fromDayjs(values.lastAssessedOn ?? null), version: version ?? settings.version })
      }
      onClose={onClose}
    >
      <Form.Item name="staleAfterDays" label={t('system.staleAfterDays')} rules={[{ required: true }]}>
        <InputNumber min={0} max={365} precision={0} />
      </Form.Item>
      <Form.Item name="securityLevel" label={t('system.securityLevel')} rules={[{ required: true }]}>
        <InputNumber min={1} max={5} precision={0} />
      </Form.Item>
      <Form.Item name="lastAssessedOn" label={t('system.lastAssessedOn')} rules={[typedDateRule()]}>
        <DateField />
      </Form.Item>
    </EditDialog>
  );
}
