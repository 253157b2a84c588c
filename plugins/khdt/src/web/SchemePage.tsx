/** `/m/khdt/de-an/:id`: one scheme — its figures and flags, its editor, its obstacles, and for Sở KH&ĐT the report to the UBND of those beyond its authority. */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, ErrorPanel, Form, FormActions, formatDate, formatNumber, formatPercent, FormOutcome, Input, Link, modulePath, PageHeader, Popconfirm, Section, Space, StatusTag, Tag, TAG_COLORS, todayIso, Typography, useAccess, useLocale, useNavigate, useParams, useT } from '@dondoc/ui';
import { Descriptions, List } from '@dondoc/ui/panels';
import { client, MODULE_ID, queries, type Obstacle, type SchemeDetail } from './client.ts';
import { BEHIND_LABELS, STATUS_COLORS, STATUS_LABELS } from './labels.ts';
import { SchemeEditor } from './SchemeEditor.tsx';
import './i18n.ts';

export function SchemePage() {
  const common = useT();
  const { id = '' } = useParams();
  const scheme = useQuery(queries.schemes.get.queryOptions({ id }));
  if (scheme.isError) return <ErrorPanel title={common('common.loadFailed')} error={scheme.error} onRetry={() => void scheme.refetch()} />;
  if (!scheme.data) return <Typography.Text type="secondary">{common('common.loading')}</Typography.Text>;
  return <SchemeView scheme={scheme.data} key={`${scheme.data.id}-${scheme.data.version}`} />;
}

function SchemeView({ scheme }: { scheme: SchemeDetail }) {
  const t = useT('khdt');
  const common = useT();
  const { locale } = useLocale();
  const access = useAccess();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const refresh = () => void queryClient.invalidateQueries(queries.pathFilter());
  const remove = useMutation({ mutationFn: () => client.schemes.remove.mutate({ id: scheme.id, version: scheme.version }), onSuccess: () => { refresh(); void navigate(modulePath(MODULE_ID, '')); } });
  const mayWrite = access.can('khdt.schemes:write');
  const p = scheme.progress;
  return (
    <div className="dondoc-page">
      <Link to={modulePath(MODULE_ID, '')}>{t('scheme.back')}</Link>
      <PageHeader title={scheme.name} />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('unit')}>{scheme.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('schemes.decision')}>{t('schemes.decisionOf', { number: scheme.decisionNumber, date: formatDate(scheme.decisionDate) })}</Descriptions.Item>
        <Descriptions.Item label={t('schemes.period')}>{`${formatDate(scheme.startOn)} – ${formatDate(scheme.endOn)}`}</Descriptions.Item>
        <Descriptions.Item label={t('status')}>
          <StatusTag value={scheme.status} labels={STATUS_LABELS} colors={STATUS_COLORS} />
        </Descriptions.Item>
        <Descriptions.Item label={t('scheme.budgetAllocated')}>{formatNumber(scheme.budgetAllocated, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('scheme.budgetDisbursed')}>{formatNumber(scheme.budgetDisbursed, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('schemes.beneficiaries')}>
          {scheme.beneficiaryTarget === null ? '—' : `${formatNumber(scheme.beneficiaryActual ?? 0, locale)}/${formatNumber(scheme.beneficiaryTarget, locale)} ${scheme.beneficiaryLabel}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('schemes.flags')}>
          {p.isBehind ? p.behind.map((reason) => <Tag key={reason} color={TAG_COLORS.red} className="dondoc-tag">{BEHIND_LABELS[reason][locale]}</Tag>) : t('schemes.onPlan')}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph>
        {t('scheme.progress', { elapsed: formatPercent(p.elapsedPercent, locale), disbursed: formatPercent(p.disbursedPercent, locale), expected: formatNumber(p.expectedDisbursed, locale), beneficiaries: formatPercent(p.beneficiariesPercent, locale), margin: formatNumber(p.margin, locale) })}
      </Typography.Paragraph>
      {scheme.note ? <Typography.Paragraph type="secondary">{scheme.note}</Typography.Paragraph> : null}
      {mayWrite ? (
        <Space style={{ marginBottom: 16 }}>
          <Button onClick={() => setEditing(true)}>{t('edit')}</Button>
          <Popconfirm title={t('scheme.removeConfirm')} okText={t('remove')} cancelText={common('common.close')} onConfirm={() => remove.mutate()}>
            <Button danger loading={remove.isPending}>{t('remove')}</Button>
          </Popconfirm>
        </Space>
      ) : null}
      <FormOutcome actions={[remove]} done={null} />
      <Obstacles scheme={scheme} mayWrite={mayWrite} mayEscalate={access.can('khdt.schemes:review')} onChanged={refresh} />
      <SchemeEditor open={editing} onClose={() => setEditing(false)} scheme={scheme} />
    </div>
  );
}

function Obstacles({ scheme, mayWrite, mayEscalate, onChanged }: { scheme: SchemeDetail; mayWrite: boolean; mayEscalate: boolean; onChanged: () => void }) {
  const t = useT('khdt');
  const common = useT();
  const [form] = Form.useForm<{ description: string; proposal?: string; beyondAuthority?: boolean }>();
  const [done, setDone] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (values: { description: string; proposal?: string; beyondAuthority?: boolean }) => client.obstacles.add.mutate({ schemeId: scheme.id, description: values.description, proposal: values.proposal ?? null, beyondAuthority: values.beyondAuthority ?? false }),
    onSuccess: () => {
      form.resetFields();
      setDone(t('scheme.obstacleAdded'));
      onChanged();
    },
  });
  const escalate = useMutation({ mutationFn: (o: Obstacle) => client.obstacles.escalate.mutate({ id: o.id, version: o.version }), onSuccess: () => { setDone(t('scheme.escalatedDone')); onChanged(); } });
  const resolve = useMutation({
    mutationFn: (o: Obstacle) => client.obstacles.update.mutate({ id: o.id, version: o.version, description: o.description, proposal: o.proposal, beyondAuthority: o.beyondAuthority, resolvedOn: todayIso() }),
    onSuccess: () => onChanged(),
  });
  return (
    <Section title={t('scheme.obstacles')}>
      <List<Obstacle>
        aria-label={t('scheme.obstacles')}
        dataSource={scheme.obstacles}
        locale={{ emptyText: t('scheme.noObstacles') }}
        renderItem={(o) => (
          <List.Item
            actions={[
              mayEscalate && o.beyondAuthority && !o.escalationId && !o.resolvedOn ? (
                <Popconfirm key="escalate" title={t('scheme.escalateConfirm')} okText={t('scheme.escalate')} cancelText={common('common.close')} onConfirm={() => escalate.mutate(o)}>
                  <Button size="small" type="primary" loading={escalate.isPending}>{t('scheme.escalate')}</Button>
                </Popconfirm>
              ) : null,
              mayWrite && !o.resolvedOn ? (
                <Button key="resolve" size="small" loading={resolve.isPending} onClick={() => resolve.mutate(o)}>{t('scheme.resolve')}</Button>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={o.description}
              description={
                <Space direction="vertical" size={2}>
                  {o.proposal ? <span>{`${t('scheme.proposal')}: ${o.proposal}`}</span> : null}
                  <Space size={4} wrap>
                    {o.escalationId ? <Tag color={TAG_COLORS.purple} className="dondoc-tag">{t('scheme.escalated', { date: formatDate(o.escalatedOn) })}</Tag> : o.beyondAuthority && !o.resolvedOn ? <Tag color={TAG_COLORS.orange} className="dondoc-tag">{t('scheme.awaiting')}</Tag> : null}
                    {o.resolvedOn ? <Tag color={TAG_COLORS.green} className="dondoc-tag">{t('scheme.resolved', { date: formatDate(o.resolvedOn) })}</Tag> : null}
                  </Space>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {mayWrite ? (
        <Form form={form} layout="vertical" name="khdt-obstacle" onFinish={(values) => add.mutate(values)} style={{ marginTop: 16 }}>
          <Form.Item name="description" label={t('scheme.description')} rules={[{ required: true, whitespace: true, message: t('scheme.required', { what: t('scheme.description').toLocaleLowerCase() }) }]}>
            <Input.TextArea autoSize maxLength={5000} />
          </Form.Item>
          <Form.Item name="proposal" label={t('scheme.proposal')}>
            <Input.TextArea autoSize maxLength={5000} />
          </Form.Item>
          <Form.Item name="beyondAuthority" valuePropName="checked">
            <Checkbox>{t('scheme.beyondAuthority')}</Checkbox>
          </Form.Item>
          <FormActions submitLabel={t('scheme.addObstacle')} submitting={add.isPending} />
        </Form>
      ) : null}
      <FormOutcome actions={[add, escalate, resolve]} done={done} />
    </Section>
  );
}
