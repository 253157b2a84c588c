/**
 * The consolidated CCHC report as files: the .docx laid out as Decree 30/2020 says (the kit's
 * `administrativeDocument`: header table, "Số: …/BC-SNV", place and date, kind and subject, the
 * CCHC outline, signature table, recipients, appendices) and its annexes as an xlsx workbook.
 * Every figure comes from the consolidation (the core's overview as of the period's data window
 * end, and the units' frozen reports); the narrative is Sở Nội vụ's. In Vietnamese whatever the
 * interface language: they are documents, not screens.
 */
import {
  administrativeDocument,
  docxDownload,
  FORECAST_CLASS_LABELS,
  FORECAST_CLASSES,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  tableWorkbook,
  xlsxDownload,
  type AdministrativeDocument,
  type DocumentBlock,
  type DocumentTable,
  type FileDownload,
  type XlsxTable,
} from '@dondoc/plugin-sdk';
import { NAMED_MISSING_MAX, NARRATIVE_PLACEHOLDER, NARRATIVE_SECTIONS, paragraphsOf, periodInText, proposalSentence, rateVi, shareVi, type NarrativeKey } from '../domain/report.ts';
import { dmy, type Consolidation } from './reports.ts';

const GROUPS = [
  { kind: 'department', label: 'Sở, ban, ngành' },
  { kind: 'district', label: 'Quận, huyện, thị xã' },
] as const;

const collator = new Intl.Collator('vi');
const statusHeaders = TASK_STATUSES.map((s) => TASK_STATUS_LABELS[s].vi);
const MISSING_STATE = { none: 'Chưa gửi', draft: 'Đang soạn, chưa gửi', with_lead: 'Chờ lãnh đạo đơn vị ký, chưa gửi', returned: 'Bị trả lại, chưa gửi lại' } as const;

/** The overview's units, departments then districts, each group by name (Vietnamese order); others last. */
export function orderedUnits(c: Consolidation) {
  const rank = (kind: string | null) => { const i = GROUPS.findIndex((g) => g.kind === kind); return i < 0 ? GROUPS.length : i; };
  return [...c.summary.units].sort((a, b) => rank(a.kind) - rank(b.kind) || collator.compare(a.name, b.name));
}

/** Annex I: tasks by status and unit (the overview's figures), with the totals. */
export function unitTable(c: Consolidation): DocumentTable {
  const t = c.summary.totals;
  return {
    headers: ['TT', 'Đơn vị', ...statusHeaders, 'Tổng', 'Tỷ lệ hoàn thành'],
    widths: [0.8, 3.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.3],
    rows: orderedUnits(c).map((u, i) => [i + 1, u.name, ...TASK_STATUSES.map((s) => u.counts[s]), u.total, rateVi(u.completionRate)]),
    totals: ['', 'Tổng cộng', ...TASK_STATUSES.map((s) => t[s]), t.total, rateVi(t.completionRate)],
  };
}

const targetGoal = (t: Consolidation['targets'][number]) => `${t.direction === 'at_least' ? '≥' : '≤'} ${new Intl.NumberFormat('vi-VN').format(t.targetValue)} ${t.measureUnit}`;
const num = (v: number | null) => (v === null ? '—' : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(v));

/** Annex II: the targets with their forecasts (as the overview lists them). */
export function targetTable(c: Consolidation): DocumentTable {
  return {
    headers: ['TT', 'Chỉ tiêu', 'Đơn vị chủ trì', 'Mục tiêu', 'Thời hạn', 'Giá trị gần nhất', 'Dự báo', 'Đánh giá'],
    widths: [0.8, 3.8, 2, 1.4, 1.4, 1.1, 1.1, 1.5],
    rows: c.targets.map((t, i) => [i + 1, t.name, t.ownerUnit.name, targetGoal(t), dmy(t.targetDate), num(t.forecast.latestValue), num(t.forecast.projectedValue), FORECAST_CLASS_LABELS[t.forecast.class].vi]),
  };
}

/** Annex III: who submitted the period's report (with its frozen figures) and who has not. */
export function submissionTable(c: Consolidation): DocumentTable {
  const submitted = c.submitted.map((r) => {
    const f = r.figures;
    const done = f ? f.counts.done_on_time + f.counts.done_late : null;
    return [r.unit.name, `Đã gửi ngày ${dmy(r.submittedAt.slice(0, 10))}`, f?.lines ?? null, done, f?.counts.overdue ?? null, f ? rateVi(f.completionRate) : '—'];
  });
  const missing = c.notSubmitted.map((r) => [r.unit.name, `${MISSING_STATE[r.state]}${r.lastRemindedOn ? `; đã đôn đốc ngày ${dmy(r.lastRemindedOn)}` : ''}`, null, null, null, '']);
  return {
    headers: ['TT', 'Đơn vị', 'Tình hình gửi báo cáo', 'Số nhiệm vụ', 'Đã hoàn thành', 'Quá hạn', 'Tỷ lệ hoàn thành'],
    widths: [0.8, 3.1, 3.1, 1.1, 1.2, 1.1, 1.3],
    rows: [...submitted, ...missing].map((row, i) => [i + 1, ...row]),
  };
}

const narrativeBlocks = (c: Consolidation, key: NarrativeKey): DocumentBlock[] => {
  const paragraphs = paragraphsOf(c.narrative[key]);
  return paragraphs.length > 0 ? paragraphs.map((paragraph) => ({ paragraph })) : [{ note: NARRATIVE_PLACEHOLDER }];
};

/** The figures paragraphs of part II, as agencies write them. */
export function figureParagraphs(c: Consolidation): string[] {
  const t = c.summary.totals;
  const done = t.done_on_time + t.done_late;
  return [
    `Tính đến ngày ${dmy(c.asOf)}, các sở, ban, ngành, UBND các quận, huyện, thị xã chủ trì ${t.total} nhiệm vụ theo Công văn số 2458/UBND-SNV: đã hoàn thành ${done} nhiệm vụ (đúng hạn ${t.done_on_time}, quá hạn ${t.done_late}); đang thực hiện ${t.in_progress} nhiệm vụ trong hạn; ${t.overdue} nhiệm vụ quá hạn chưa hoàn thành; ${t.continuous} nhiệm vụ thường xuyên.`,
    `Tỷ lệ hoàn thành nhiệm vụ đến hạn: ${shareVi(done, done + t.overdue, 'nhiệm vụ')}. Trong ${periodInText(c.summary.period.label.vi)} có ${t.dueInPeriod} nhiệm vụ đến hạn; ${t.extended} nhiệm vụ được gia hạn; ${t.flagged} nhiệm vụ quá hạn sau hơn 3 lần đôn đốc.`,
    `Chỉ tiêu: ${FORECAST_CLASSES.map((k) => `${FORECAST_CLASS_LABELS[k].vi.toLocaleLowerCase('vi')} ${c.summary.targets[k]}`).join('; ')} (chi tiết tại Phụ lục II).`,
  ];
}

/** "Tình hình gửi báo cáo" as part I says it. */
export function submissionParagraph(c: Consolidation): string {
  const owing = c.submitted.length + c.notSubmitted.length;
  const base = `Về báo cáo định kỳ ${periodInText(c.period.label)}: ${shareVi(c.submitted.length, owing, 'đơn vị')} đã gửi báo cáo`;
  if (c.notSubmitted.length === 0) return `${base}.`;
  const reminded = c.notSubmitted.filter((r) => r.lastRemindedOn).length;
  const names = c.notSubmitted.length <= NAMED_MISSING_MAX ? ` (${c.notSubmitted.map((r) => r.unit.name).join(', ')})` : '';
  const urged = reminded > 0 ? `; Sở Nội vụ đã đôn đốc ${reminded} đơn vị qua Cổng đôn đốc` : '';
  return `${base}; ${c.notSubmitted.length} đơn vị chưa gửi${names}${urged} (chi tiết tại Phụ lục III).`;
}

/** The document's content (pure: the consolidation and the date of issue). */
export function reportDocument(c: Consolidation): AdministrativeDocument {
  const t = c.summary.totals;
  const label = periodInText(c.period.label);
  const sub = (key: NarrativeKey, n: number): DocumentBlock[] => [{ subheading: `${n}. ${NARRATIVE_SECTIONS.find((s) => s.key === key)!.heading.vi}` }, ...narrativeBlocks(c, key)];
  const signerName = c.report?.signerName ?? c.defaultSigner?.fullName ?? '';
  return {
    parentBody: 'UBND Thành phố Hà Nội',
    issuer: 'Sở Nội vụ',
    number: c.report?.number ?? null,
    symbol: 'BC-SNV',
    place: 'Hà Nội',
    date: c.today,
    kind: 'Báo cáo',
    subject: `Kết quả thực hiện công tác cải cách hành chính ${label}`,
    to: ['Ủy ban nhân dân Thành phố', 'Ban Chỉ đạo cải cách hành chính Thành phố'],
    opening: [
      `Thực hiện Công văn số 2458/UBND-SNV của UBND Thành phố về đẩy mạnh công tác cải cách hành chính, trên cơ sở báo cáo của các sở, ban, ngành, UBND các quận, huyện, thị xã và số liệu theo dõi trên Cổng đôn đốc tính đến ngày ${dmy(c.asOf)}, Sở Nội vụ tổng hợp, báo cáo kết quả thực hiện công tác cải cách hành chính ${label} như sau:`,
    ],
    sections: [
      { heading: 'I. Công tác chỉ đạo, điều hành', blocks: [...narrativeBlocks(c, 'chiDao'), { paragraph: submissionParagraph(c) }] },
      {
        heading: 'II. Kết quả thực hiện các nhiệm vụ cải cách hành chính',
        blocks: [
          ...figureParagraphs(c).map((paragraph) => ({ paragraph })),
          { table: { headers: ['Tình trạng', 'Số nhiệm vụ'], rows: TASK_STATUSES.map((s) => [TASK_STATUS_LABELS[s].vi, t[s]]), totals: ['Tổng cộng', t.total], widths: [3, 1] } },
          ...sub('theChe', 1),
          ...sub('thuTuc', 2),
          ...sub('toChuc', 3),
          ...sub('congVu', 4),
          ...sub('taiChinh', 5),
          ...sub('chinhQuyenSo', 6),
        ],
      },
      { heading: 'III. Đánh giá chung', blocks: narrativeBlocks(c, 'danhGia') },
      { heading: 'IV. Phương hướng, nhiệm vụ kỳ tới', blocks: narrativeBlocks(c, 'phuongHuong') },
      {
        heading: 'V. Đề xuất, kiến nghị',
        blocks: [
          ...narrativeBlocks(c, 'deXuat'),
          ...(c.proposals.length > 0
            ? [{ paragraph: 'Khó khăn, vướng mắc và kiến nghị các đơn vị nêu trong báo cáo:' }, ...c.proposals.map((p) => ({ paragraph: `- ${proposalSentence(p)}.` }))]
            : []),
        ],
      },
    ],
    signature: { authority: 'KT. Giám đốc', title: c.report?.signerTitle ?? 'Phó Giám đốc', name: signerName },
    recipients: ['Như trên', 'Bộ Nội vụ (để báo cáo)', 'Chủ tịch UBND Thành phố (để báo cáo)', 'Văn phòng UBND Thành phố', 'Giám đốc Sở'],
    archive: 'CCHC',
    appendices: [
      { title: 'Tình hình thực hiện nhiệm vụ theo đơn vị', table: unitTable(c) },
      { title: 'Chỉ tiêu và dự báo khả năng hoàn thành', table: targetTable(c) },
      { title: `Tình hình gửi báo cáo ${label} của các đơn vị`, table: submissionTable(c) },
    ],
  };
}

export async function reportDocx(c: Consolidation): Promise<FileDownload> {
  return docxDownload(await administrativeDocument(reportDocument(c)), `bao-cao-cchc_${c.period.id}.docx`);
}

const sheetOf = (sheetName: string, title: string, table: DocumentTable, widths: number[]): XlsxTable => ({
  sheetName,
  title: [title],
  columns: table.headers.map((header, i) => ({ header, width: widths[i] ?? 14 })),
  rows: table.rows,
  ...(table.totals ? { totals: table.totals } : {}),
});

/** The annexes as an xlsx workbook, a sheet each: "Nhiệm vụ theo đơn vị", "Chỉ tiêu", "Gửi báo cáo". */
export async function reportAnnexes(c: Consolidation): Promise<FileDownload> {
  const dated = `${c.period.label} — số liệu tính đến ngày ${dmy(c.asOf)}`;
  const workbook = await tableWorkbook([
    sheetOf('Nhiệm vụ theo đơn vị', `PHỤ LỤC I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO ĐƠN VỊ (${dated})`, unitTable(c), [6, 40, 14, 14, 14, 14, 14, 10, 14]),
    sheetOf('Chỉ tiêu', `PHỤ LỤC II. CHỈ TIÊU VÀ DỰ BÁO (${dated})`, targetTable(c), [6, 56, 30, 18, 12, 14, 14, 20]),
    sheetOf('Gửi báo cáo', `PHỤ LỤC III. TÌNH HÌNH GỬI BÁO CÁO (${dated})`, submissionTable(c), [6, 40, 44, 12, 12, 10, 14]),
  ]);
  return xlsxDownload(workbook, `phu-luc-bao-cao-cchc_${c.period.id}.xlsx`);
}
