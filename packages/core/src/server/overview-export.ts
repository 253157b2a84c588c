/**
 * The overview as files an agency files: an xlsx workbook with a sheet per section (totals, the
 * unit matrix, targets by forecast, the briefing list) and the leadership's summary report as a
 * .docx laid out as Decree 30/2020 says (the kit's `administrativeDocument`). Both hold the
 * figures of `overview.summary` for the same date and caller, in Vietnamese whatever the
 * interface language (they are documents, not screens).
 */
import type { Access } from '@dondoc/auth';
import type { Queryable } from '@dondoc/db';
import { administrativeDocument, docxDownload, shareInWords, tableWorkbook, xlsxDownload, type DocumentTable, type FileDownload, type XlsxTable } from '@dondoc/kit';
import { FORECAST_CLASS_LABELS, FORECAST_CLASSES, formatDateVi, TASK_STATUS_LABELS, TASK_STATUSES, unitsInRankedGroups, type IsoDate } from '../domain/index.ts';
import { flaggedForBriefing, flaggedTable } from './briefing.ts';
import { overviewSummary } from './overview.ts';
import { peopleOf } from './people.ts';
import { listTargets } from './targets.ts';

type Summary = Awaited<ReturnType<typeof overviewSummary>>;
type Target = Awaited<ReturnType<typeof listTargets>>[number];

export interface OverviewExportCaller {
  db: Queryable;
  access: Access;
  user: { username: string; unit: { code: string; name: string; kind: string } | null };
}

/** The groups' names in the files (the groups and their order: `unitsInRankedGroups`). */
const GROUP_LABELS = { department: 'Sở, ban, ngành', district: 'Quận, huyện, thị xã' } as const;

const percent = (rate: number | null) => (rate === null ? '—' : `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(Math.round(rate * 10_000) / 100)}%`);
/** "đạt 58,97%" with its counts: done ÷ (done + overdue), the rule of the Government's reports. */
const rateInWords = (t: Summary['totals']) => shareInWords(t.done_on_time + t.done_late, t.done_on_time + t.done_late + t.overdue, 'nhiệm vụ đến hạn đã hoàn thành');

/** Units in their groups (departments, then districts), each group by rank then name (Vietnamese order). */
function unitsInGroups(summary: Summary) {
  return unitsInRankedGroups(summary.units).map((group) => ({ ...group, label: GROUP_LABELS[group.kind] }));
}

const statusHeaders = TASK_STATUSES.map((s) => TASK_STATUS_LABELS[s].vi);

function unitMatrixRows(summary: Summary) {
  return unitsInGroups(summary).flatMap((group) =>
    group.units.map((u) => [group.label, u.name, ...TASK_STATUSES.map((s) => u.counts[s]), u.total, percent(u.completionRate), u.rank, u.dueInPeriod, u.extended, u.flagged]),
  );
}

function targetRow(t: Target) {
  return [t.code, t.name, t.ownerUnit.name, `${t.direction === 'at_least' ? '≥' : '≤'} ${t.targetValue} ${t.measureUnit}`, formatDateVi(t.targetDate as IsoDate), t.forecast.latestValue, t.forecast.latestOn ? formatDateVi(t.forecast.latestOn as IsoDate) : '', t.forecast.projectedValue, FORECAST_CLASS_LABELS[t.forecast.class].vi];
}

async function gather(caller: OverviewExportCaller, asOf: IsoDate, today: IsoDate) {
  const [summary, targets, flagged] = await Promise.all([overviewSummary(caller.db, caller.access, asOf, today), listTargets(caller.db, asOf), flaggedForBriefing(caller.db, caller.access, asOf)]);
  return { summary, targets, flagged };
}

/** The overview as an xlsx workbook: "Tổng hợp", "Theo đơn vị", "Chỉ tiêu", "Giao ban". */
export async function overviewWorkbook(caller: OverviewExportCaller, asOf: IsoDate, today: IsoDate): Promise<FileDownload> {
  const { summary, targets, flagged } = await gather(caller, asOf, today);
  const t = summary.totals;
  const dated = `Tính đến ngày ${formatDateVi(asOf)}`;
  const tables: XlsxTable[] = [
    {
      sheetName: 'Tổng hợp',
      title: ['TÌNH HÌNH THỰC HIỆN NHIỆM VỤ, CHỈ TIÊU', dated],
      columns: [
        { header: 'Nội dung', width: 48 },
        { header: 'Số lượng', width: 16 },
      ],
      rows: [
        ['Tổng số nhiệm vụ', t.total],
        ...TASK_STATUSES.map((s) => [TASK_STATUS_LABELS[s].vi, t[s]]),
        ['Tỷ lệ hoàn thành (đã hoàn thành ÷ (đã hoàn thành + quá hạn))', percent(t.completionRate)],
        [`Đến hạn trong ${summary.period.label.vi.toLocaleLowerCase('vi')}`, t.dueInPeriod],
        ['Được gia hạn', t.extended],
        ['Quá hạn trên 3 lần đôn đốc', t.flagged],
        ...FORECAST_CLASSES.map((c) => [`Chỉ tiêu: ${FORECAST_CLASS_LABELS[c].vi}`, summary.targets[c]]),
      ],
    },
    {
      sheetName: 'Theo đơn vị',
      title: ['TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO ĐƠN VỊ', `${dated}; xếp hạng theo tỷ lệ hoàn thành trong từng nhóm`],
      columns: [
        { header: 'Nhóm', width: 20 },
        { header: 'Đơn vị', width: 34 },
        ...statusHeaders.map((header) => ({ header, width: 14, numFmt: '0' })),
        { header: 'Tổng', width: 10, numFmt: '0' },
        { header: 'Tỷ lệ hoàn thành', width: 12 },
        { header: 'Xếp hạng', width: 10, numFmt: '0' },
        { header: 'Đến hạn trong kỳ', width: 12, numFmt: '0' },
        { header: 'Gia hạn', width: 10, numFmt: '0' },
        { header: 'Quá hạn trên 3 lần đôn đốc', width: 14, numFmt: '0' },
      ],
      rows: unitMatrixRows(summary),
      totals: ['', 'Tổng cộng', ...TASK_STATUSES.map((s) => t[s]), t.total, percent(t.completionRate), null, t.dueInPeriod, t.extended, t.flagged],
    },
    {
      sheetName: 'Chỉ tiêu',
      title: ['CHỈ TIÊU VÀ DỰ BÁO', dated],
      columns: [
        { header: 'Mã', width: 14 },
        { header: 'Chỉ tiêu', width: 50 },
        { header: 'Đơn vị chủ trì', width: 28 },
        { header: 'Mục tiêu', width: 16 },
        { header: 'Thời hạn', width: 12 },
        { header: 'Giá trị gần nhất', width: 12, numFmt: '0.##' },
        { header: 'Ngày', width: 12 },
        { header: 'Dự báo đến thời hạn', width: 14, numFmt: '0.##' },
        { header: 'Đánh giá', width: 18 },
      ],
      rows: targets.map(targetRow),
    },
    flaggedTable(flagged),
  ];
  return xlsxDownload(await tableWorkbook(tables), `tong-quan_${asOf}.xlsx`);
}

/** An xlsx table (or its shape) as a table of the document. */
const documentTable = (table: { columns: ReadonlyArray<{ header: string }>; rows: XlsxTable['rows']; totals?: XlsxTable['totals'] }, widths?: number[]): DocumentTable => ({
  headers: table.columns.map((c) => c.header),
  rows: table.rows.map((row) => row.map((cell) => (cell !== null && typeof cell === 'object' ? cell.value : cell))),
  ...(widths ? { widths } : {}),
  ...(table.totals ? { totals: table.totals.map((cell) => (cell !== null && typeof cell === 'object' ? cell.value : cell)) } : {}),
});

/** The leadership's summary report (.docx): the figures of the overview for the date, as a report of the caller's unit. */
export async function overviewReport(caller: OverviewExportCaller, asOf: IsoDate, today: IsoDate): Promise<FileDownload> {
  const { summary, targets, flagged } = await gather(caller, asOf, today);
  const t = summary.totals;
  const person = (await peopleOf(caller.db, [caller.user.username], 'vi'))(caller.user.username);
  const unit = caller.user.unit;
  const issuer = unit?.name ?? 'Ủy ban nhân dân Thành phố Hà Nội';
  const isUbnd = !unit || unit.kind === 'ubnd';
  const behind = [...summary.units].filter((u) => u.counts.overdue > 0).sort((a, b) => b.counts.overdue - a.counts.overdue || new Intl.Collator('vi').compare(a.name, b.name));
  const atRisk = targets.filter((target) => target.forecast.class === 'at_risk' || target.forecast.class === 'off_track');
  const bytes = await administrativeDocument({
    ...(isUbnd ? {} : { parentBody: 'UBND Thành phố Hà Nội' }),
    issuer,
    number: null,
    symbol: `BC-${unit?.code ?? 'UBND'}`,
    place: 'Hà Nội',
    date: today,
    kind: 'Báo cáo',
    subject: `Tình hình thực hiện nhiệm vụ, chỉ tiêu tính đến ngày ${formatDateVi(asOf)}`,
    ...(isUbnd ? {} : { to: ['Chủ tịch UBND Thành phố'] }),
    opening: [`Tính đến ngày ${formatDateVi(asOf)}, ${summary.units.length} đơn vị chủ trì ${t.total} nhiệm vụ được theo dõi trên Cổng đôn đốc; ${issuer} báo cáo tình hình thực hiện như sau:`],
    sections: [
      {
        heading: 'I. Kết quả thực hiện nhiệm vụ',
        blocks: [
          {
            paragraph: `Đã hoàn thành ${t.done_on_time + t.done_late} nhiệm vụ (đúng hạn ${t.done_on_time}, quá hạn ${t.done_late}); chưa hoàn thành ${t.in_progress + t.overdue} nhiệm vụ (trong hạn ${t.in_progress}, quá hạn ${t.overdue}); ${t.continuous} nhiệm vụ thường xuyên. Tỷ lệ hoàn thành: ${rateInWords(t)}.`,
          },
          { paragraph: `${summary.period.label.vi} có ${t.dueInPeriod} nhiệm vụ đến hạn; ${t.extended} nhiệm vụ được gia hạn; ${t.flagged} nhiệm vụ quá hạn trên 3 lần đôn đốc.` },
          { table: { headers: ['Tình trạng', 'Số nhiệm vụ'], rows: TASK_STATUSES.map((s) => [TASK_STATUS_LABELS[s].vi, t[s]]), totals: ['Tổng cộng', t.total], widths: [3, 1] } },
        ],
      },
      {
        heading: 'II. Đơn vị có nhiệm vụ quá hạn',
        blocks:
          behind.length === 0
            ? [{ paragraph: 'Không có đơn vị nào có nhiệm vụ quá hạn.' }]
            : [
                { paragraph: `${behind.length} đơn vị có nhiệm vụ quá hạn, tổng cộng ${t.overdue} nhiệm vụ.` },
                { table: { headers: ['Đơn vị', 'Quá hạn', 'Quá hạn trên 3 lần đôn đốc', 'Tỷ lệ hoàn thành'], rows: behind.map((u) => [u.name, u.counts.overdue, u.flagged, percent(u.completionRate)]), widths: [4, 1, 2, 2] } },
              ],
      },
      {
        heading: 'III. Chỉ tiêu',
        blocks: [
          { paragraph: FORECAST_CLASSES.map((c) => `${FORECAST_CLASS_LABELS[c].vi}: ${summary.targets[c]}`).join('; ') + '.' },
          ...(atRisk.length > 0 ? [{ table: { headers: ['Chỉ tiêu', 'Đơn vị chủ trì', 'Dự báo', 'Đánh giá'], rows: atRisk.map((target) => [target.name, target.ownerUnit.name, target.forecast.projectedValue, FORECAST_CLASS_LABELS[target.forecast.class].vi]), widths: [5, 3, 1, 2] } }] : []),
        ],
      },
      {
        heading: 'IV. Nhiệm vụ quá hạn trên 3 lần đôn đốc',
        blocks: flagged.total === 0 ? [{ paragraph: 'Không có.' }] : [{ paragraph: `${flagged.total} nhiệm vụ của ${flagged.units.length} đơn vị: ${flagged.units.map((u) => `${u.name} (${u.tasks.length})`).join(', ')}; danh sách tại Phụ lục II.` }],
      },
    ],
    signature: { authority: person?.title ?? 'Người báo cáo', name: person?.fullName ?? caller.user.username },
    recipients: isUbnd ? ['Các Phó Chủ tịch UBND Thành phố', 'Các sở, ban, ngành; UBND các quận, huyện, thị xã'] : ['Chủ tịch UBND Thành phố (để báo cáo)', 'Văn phòng UBND Thành phố'],
    archive: unit?.code ?? 'UBND',
    appendices: [
      {
        title: 'Tình hình thực hiện nhiệm vụ theo đơn vị',
        table: documentTable(
          {
            columns: [{ header: 'Đơn vị' }, ...statusHeaders.map((header) => ({ header })), { header: 'Tổng' }, { header: 'Tỷ lệ' }, { header: 'Xếp hạng' }],
            rows: unitMatrixRows(summary).map((row) => [row[1]!, ...row.slice(2, 10)]),
            totals: ['Tổng cộng', ...TASK_STATUSES.map((s) => t[s]), t.total, percent(t.completionRate), null],
          },
          [4, 1, 1, 1, 1, 1, 1, 1.2, 1],
        ),
      },
      ...(flagged.total > 0 ? [{ title: 'Nhiệm vụ quá hạn trên 3 lần đôn đốc', table: documentTable(flaggedTable(flagged)) }] : []),
    ],
  });
  return docxDownload(bytes, `bao-cao-tong-quan_${asOf}.docx`);
}
