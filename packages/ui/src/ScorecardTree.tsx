/**
 * `<ScorecardTree>`: an index scorecard (PAR INDEX, SIPAS, PAPI, PCI, PGI) as a tree table the
 * shell and the khdt / noi-vu modules share — expand and collapse, each node coloured by its class,
 * "only at risk" (the short nodes and their path to the index), and the owner's estimate typed in
 * the row itself, with its evidence and, below target, the remediation action the core requires.
 * Keyboard: every control is a button or a field (Tab, Enter, Space); Escape closes an estimate.
 * The scores, roll-ups and classes come from the core (the component computes none of them).
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Checkbox, Form, InputNumber, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DateField } from './DateField.tsx';
import { LimitedText, typedDateRule } from './fields.tsx';
import { fromDayjs } from './dates.ts';
import { errorMessage } from './errors.ts';
import { formatDate } from './format.ts';
import { useLocale, useT } from './i18n.ts';
import { formatNumber, NO_VALUE } from './numbers.ts';
import { StatusTag } from './StatusTag.tsx';
import { TAG_COLORS } from './palette.ts';

/** A node as the core's `scorecards.get` answers it (the fields the tree shows). */
export interface ScorecardTreeNode {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  isLeaf: boolean;
  max: number | null;
  lastYearScore: number | null;
  target: number | null;
  /** The rolled-up estimate (a leaf's own). */
  estimate: number | null;
  estimateOn: string | null;
  evidence: string | null;
  class: string;
  missingLeaves: number;
  ownerUnits: Array<{ code: string; name: string }>;
  unverified: boolean;
  mayEstimate: boolean;
  version: number;
  actions?: readonly unknown[];
  escalation?: { id: string } | null;
}

export interface ScorecardEstimate {
  nodeId: string;
  version: number;
  value: number;
  evidence: string;
  action?: { what: string; dueOn: string; openTask: boolean };
}

export interface ScorecardTreeProps {
  nodes: readonly ScorecardTreeNode[];
  /** The classes' words (`SCORE_CLASS_LABELS` of the core, through the SDK). */
  classLabels: Readonly<Record<string, { vi: string; en: string }>>;
  /** Saves an estimate (the core's `scorecards.saveEstimate`); its refusal is shown in the row. */
  onSaveEstimate?: (estimate: ScorecardEstimate) => Promise<unknown>;
  /** Opens with the whole tree expanded (default) or only the index's components. */
  expandAll?: boolean;
  /** A node to show (an escalation's link `?nut=<id>`): scrolled into view and marked. */
  highlightId?: string | null;
}

/** The classes' colours: met green, at risk orange, off track red, no target grey, no estimate purple. */
export const SCORE_CLASS_COLORS: Readonly<Record<string, string>> = {
  met: TAG_COLORS.green,
  at_risk: TAG_COLORS.orange,
  off_track: TAG_COLORS.red,
  no_target: TAG_COLORS.grey,
  missing: TAG_COLORS.purple,
};

const isShort = (klass: string) => klass === 'at_risk' || klass === 'off_track';

/** The ids of the nodes `keep` holds and of every ancestor of theirs (a filtered tree keeps each match's path). */
export function withAncestors(nodes: readonly Pick<ScorecardTreeNode, 'id' | 'parentId'>[], keep: (id: string) => boolean): Set<string> {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  const out = new Set<string>();
  for (const node of nodes) {
    if (!keep(node.id)) continue;
    for (let at: string | null | undefined = node.id; at && !out.has(at); at = parentOf.get(at)) out.add(at);
  }
  return out;
}

export type TreeRow<N> = N & { key: string; children?: TreeRow<N>[] };

/** The flat list as the table's tree (children in the list's order), limited to `visible` when given. */
export function scorecardRows<N extends Pick<ScorecardTreeNode, 'id' | 'parentId'>>(nodes: readonly N[], visible?: ReadonlySet<string>): TreeRow<N>[] {
  const shown = visible ? nodes.filter((n) => visible.has(n.id)) : [...nodes];
  const rows = new Map<string, TreeRow<N>>(shown.map((n) => [n.id, { ...n, key: n.id }]));
  const roots: TreeRow<N>[] = [];
  for (const node of shown) {
    const row = rows.get(node.id)!;
    const parent = node.parentId ? rows.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

export function ScorecardTree({ nodes, classLabels, onSaveEstimate, expandAll = true, highlightId = null }: ScorecardTreeProps) {
  const t = useT();
  const { locale } = useLocale();
  const [onlyAtRisk, setOnlyAtRisk] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const parents = useMemo(() => nodes.filter((n) => !n.isLeaf).map((n) => n.id), [nodes]);
  const [expanded, setExpanded] = useState<readonly React.Key[]>(() => (expandAll ? parents : nodes.filter((n) => n.parentId === null).map((n) => n.id)));
  const visible = useMemo(() => (onlyAtRisk ? withAncestors(nodes, (id) => isShort(nodes.find((n) => n.id === id)!.class)) : undefined), [nodes, onlyAtRisk]);
  const rows = useMemo(() => scorecardRows(nodes, visible), [nodes, visible]);
  const score = (value: number | null) => (value === null ? NO_VALUE : formatNumber(value, locale, 4));
  useEffect(() => {
    if (highlightId) document.querySelector(`.dondoc-scorecard [data-row-key="${CSS.escape(highlightId)}"]`)?.scrollIntoView({ block: 'center' });
  }, [highlightId]);

  const columns: TableColumnsType<TreeRow<ScorecardTreeNode>> = [
    { title: t('scorecard.code'), dataIndex: 'code', width: 110 },
    {
      title: t('scorecard.name'),
      dataIndex: 'name',
      render: (_, node) => (
        <div>
          <span>{node.name}</span>
          {node.unverified ? <Tag className="dondoc-tag">{t('scorecard.unverified')}</Tag> : null}
          <div className="dondoc-scorecard-meta">
            <Typography.Text type="secondary">{node.ownerUnits.map((u) => u.name).join(', ')}</Typography.Text>
            {node.missingLeaves > 0 && !node.isLeaf ? <Typography.Text type="secondary"> · {t('scorecard.missing', { count: node.missingLeaves })}</Typography.Text> : null}
            {node.escalation ? <Typography.Text type="secondary"> · {t('scorecard.escalated')}</Typography.Text> : null}
          </div>
          {editing === node.id && onSaveEstimate ? <EstimateForm node={node} onSave={onSaveEstimate} onClose={() => setEditing(null)} /> : null}
        </div>
      ),
    },
    { title: t('scorecard.max'), dataIndex: 'max', align: 'right', width: 80, render: (v: number | null) => score(v) },
    { title: t('scorecard.lastYear'), dataIndex: 'lastYearScore', align: 'right', width: 100, render: (v: number | null) => score(v) },
    { title: t('scorecard.target'), dataIndex: 'target', align: 'right', width: 90, render: (v: number | null) => score(v) },
    {
      title: t('scorecard.estimate'),
      dataIndex: 'estimate',
      align: 'right',
      width: 120,
      render: (v: number | null, node) => (
        <span>
          <strong>{score(v)}</strong>
          {node.isLeaf && node.estimateOn ? <div><Typography.Text type="secondary">{t('scorecard.estimatedOn', { date: formatDate(node.estimateOn) })}</Typography.Text></div> : null}
        </span>
      ),
    },
    { title: t('scorecard.class'), dataIndex: 'class', width: 170, render: (klass: string) => <StatusTag value={klass} labels={classLabels} colors={SCORE_CLASS_COLORS} data-testid="score-class" /> },
    {
      title: <span className="dondoc-visually-hidden">{t('scorecard.estimateAction')}</span>,
      key: 'estimate-action',
      width: 110,
      render: (_, node) =>
        node.isLeaf && node.mayEstimate && onSaveEstimate && editing !== node.id ? (
          <Button size="small" onClick={() => setEditing(node.id)} aria-label={t('scorecard.estimateOf', { code: node.code })}>
            {t('scorecard.estimateAction')}
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="dondoc-scorecard">
      <Space className="dondoc-scorecard-filter">
        <Switch id="scorecard-only-at-risk" checked={onlyAtRisk} onChange={setOnlyAtRisk} aria-label={t('scorecard.onlyAtRisk')} />
        <label htmlFor="scorecard-only-at-risk">{t('scorecard.onlyAtRisk')}</label>
      </Space>
      {onlyAtRisk && rows.length === 0 ? <Alert type="success" showIcon message={t('scorecard.none')} /> : null}
      <Table<TreeRow<ScorecardTreeNode>>
        aria-label={t('scorecard.tree')}
        size="small"
        pagination={false}
        columns={columns}
        dataSource={rows}
        rowClassName={(node) => `dondoc-score-${node.class}${node.id === highlightId ? ' dondoc-score-highlight' : ''}`}
        expandable={{ expandedRowKeys: onlyAtRisk ? [...(visible ?? [])] : expanded, onExpandedRowsChange: (keys) => setExpanded(keys), indentSize: 18 }}
        scroll={{ x: 900 }}
      />
    </div>
  );
}

interface EstimateValues {
  value: number | null;
  evidence: string;
  what?: string;
  dueOn?: Parameters<typeof fromDayjs>[0];
  openTask?: boolean;
}

function EstimateForm({ node, onSave, onClose }: { node: ScorecardTreeNode; onSave: (estimate: ScorecardEstimate) => Promise<unknown>; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [form] = Form.useForm<EstimateValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const value = Form.useWatch('value', form);
  const below = typeof value === 'number' && node.target !== null && value < node.target;
  const submit = async (values: EstimateValues) => {
    setSaving(true);
    setError(null);
    try {
      await onSave({
        nodeId: node.id,
        version: node.version,
        value: values.value!,
        evidence: values.evidence,
        ...(below && values.what ? { action: { what: values.what, dueOn: fromDayjs(values.dueOn) ?? '', openTask: values.openTask ?? false } } : {}),
      });
      onClose();
    } catch (refusal) {
      setError(refusal);
    } finally {
      setSaving(false);
    }
  };
  const escape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose();
  };
  return (
    <div className="dondoc-scorecard-estimate" onKeyDown={escape} role="group" aria-label={t('scorecard.estimateOf', { code: node.code })}>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ value: node.estimate, evidence: node.evidence ?? '' }} name={`estimate-${node.code}`}>
        <Form.Item name="value" label={t('scorecard.value')} rules={[{ required: true, message: t('scorecard.valueRequired') }]}>
          <InputNumber autoFocus min={0} max={node.max ?? undefined} step={0.01} decimalSeparator={locale === 'vi' ? ',' : '.'} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="evidence" label={t('scorecard.evidence')} rules={[{ required: true, whitespace: true, message: t('scorecard.evidenceRequired') }]}>
          <LimitedText max={2000} rows={2} />
        </Form.Item>
        {below ? (
          <>
            <Alert type="warning" showIcon message={t('scorecard.belowTarget', { target: formatNumber(node.target, locale, 4) })} />
            <Form.Item name="what" label={t('scorecard.actionWhat')} rules={[{ required: true, whitespace: true, message: t('scorecard.actionWhatRequired') }]}>
              <LimitedText max={2000} rows={2} />
            </Form.Item>
            <Form.Item name="dueOn" label={t('scorecard.actionDue')} rules={[{ required: true, message: t('scorecard.actionDueRequired') }, typedDateRule()]}>
              <DateField />
            </Form.Item>
            <Form.Item name="openTask" valuePropName="checked">
              <Checkbox>{t('scorecard.actionTask')}</Checkbox>
            </Form.Item>
          </>
        ) : null}
        {error ? <Alert type="error" showIcon role="alert" message={errorMessage(error)} /> : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('scorecard.save')}
          </Button>
          <Button onClick={onClose}>{t('scorecard.cancel')}</Button>
        </Space>
      </Form>
    </div>
  );
}
