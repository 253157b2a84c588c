/**
 * Official Letter 2458/UBND-SNV of 08/8/2023 as structured data, taken from its text
 * (data/2458-UBND-SNV-2023.md): each clause of §1 goes to every department and district;
 * each duty of §2–§6 to its unit; the one deadline the text gives (re-engineering of
 * procedures on the national portal: within September 2023) and its numeric targets.
 */
import type { Cadence } from '../domain/index.ts';

export interface DirectiveReferenceSeed {
  kind: string;
  number: string;
  issuedOn: string | null;
  title: string;
}

export interface ClauseSeed {
  clause: string;
  title: string;
  content: string;
  /** `every-unit`: one parent, a child per department and district. Otherwise the lead unit's code. */
  assignee: 'every-unit' | string;
  /** Lead unit of the parent of an every-unit clause (who follows it up). */
  parentLead?: string;
  coordinators?: string[];
  deadline: string | null;
  cadence: Cadence;
  /**
   * What the text does not state, inferred by the seed and shown as such: the deadline (the
   * text gives none, or only a year the task's targets belong to), the coordinating units,
   * the follow-up unit of a clause given to every unit.
   */
  inferred?: { deadline?: boolean; coordinators?: boolean; parentLead?: boolean };
  /** Why it reads the text so (shown beside an inferred value). */
  reading?: string;
}

export interface TargetSeed {
  code: string;
  name: string;
  measureUnit: string;
  direction: 'at_least' | 'at_most';
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  ownerUnitCode: string;
  source: 'manual' | 'module';
  sourceModule?: string;
  /** Clause whose task the target measures. */
  clause: string;
}

export const DIRECTIVE_2458 = {
  number: '2458/UBND-SNV',
  issuedOn: '2023-08-08',
  issuer: 'UBND Thành phố Hà Nội',
  subject: 'Tập trung triển khai thực hiện một số nhiệm vụ cải cách hành chính trong thời gian tới',
  signer: 'Lê Hồng Sơn, Phó Chủ tịch UBND Thành phố',
  codePrefix: '2458',
};

export const references2458: DirectiveReferenceSeed[] = [
  { kind: 'Công văn', number: '3668/BNV-CCHC', issuedOn: '2023-07-13', title: 'Đôn đốc, triển khai một số nhiệm vụ cải cách hành chính trong thời gian tới (Bộ Nội vụ)' },
  { kind: 'Chương trình', number: '01-CTr/TU', issuedOn: '2021-03-17', title: 'Tăng cường công tác xây dựng, chỉnh đốn Đảng, xây dựng Đảng bộ và hệ thống chính trị Thành phố trong sạch, vững mạnh; đẩy mạnh cải cách hành chính giai đoạn 2021-2025' },
  { kind: 'Kế hoạch', number: '136/KH-UBND', issuedOn: '2021-06-01', title: 'Cải cách hành chính nhà nước giai đoạn 2021-2025' },
  { kind: 'Quyết định', number: '280/QĐ-UBND', issuedOn: null, title: 'Ban hành Kế hoạch cải cách hành chính nhà nước năm 2023 của Thành phố' },
  { kind: 'Nghị quyết', number: '20/NQ-HĐND', issuedOn: '2023-07-06', title: 'Kết quả giám sát việc thực hiện công tác cải cách hành chính, xây dựng chính quyền điện tử và chuyển đổi số' },
  { kind: 'Công văn', number: '2023/UBND-NC', issuedOn: '2023-07-03', title: 'Văn bản của UBND Thành phố về thực hiện Nghị quyết giám sát của HĐND' },
  { kind: 'Kế hoạch', number: '157/KH-UBND', issuedOn: '2023-05-26', title: 'Cải thiện, nâng cao Chỉ số PAPI năm 2023' },
  { kind: 'Kế hoạch', number: '167/KH-UBND', issuedOn: '2023-07-06', title: 'Nâng cao Chỉ số PCI và Chỉ số xanh cấp tỉnh (PGI) năm 2023' },
  { kind: 'Kế hoạch', number: '170/KH-UBND', issuedOn: '2023-06-15', title: 'Duy trì, nâng cao Chỉ số PAR INDEX; cải thiện, nâng cao Chỉ số SIPAS năm 2023' },
  { kind: 'Kế hoạch', number: '286/KH-UBND', issuedOn: '2021-12-14', title: 'Rà soát, đơn giản hóa thủ tục hành chính, quy định hành chính' },
  { kind: 'Quyết định', number: '4610/QĐ-UBND', issuedOn: '2022-11-22', title: 'Ủy quyền giải quyết thủ tục hành chính' },
  { kind: 'Kế hoạch', number: '01/KH-UBND', issuedOn: '2023-01-03', title: 'Đề án mô hình Bộ phận tiếp nhận và trả kết quả giải quyết TTHC hiện đại các cấp' },
  { kind: 'Nghị quyết', number: '20/2022/NQ-HĐND', issuedOn: '2022-09-12', title: 'Quy định một số nội dung chi và mức chi đặc thù thuộc thẩm quyền của HĐND Thành phố' },
  { kind: 'Kế hoạch', number: '189/KH-UBND', issuedOn: '2022-07-06', title: 'Chuyển đơn vị sự nghiệp công lập sang tự chủ tài chính giai đoạn 2022-2025' },
  { kind: 'Kế hoạch', number: '64/KH-UBND', issuedOn: '2023-03-01', title: 'Chuyển đổi số, xây dựng chính quyền số năm 2023' },
];

/** §1: to every department and district. Sở Nội vụ follows each clause up (§6). */
const section1: ClauseSeed[] = [
  {
    clause: '1.1',
    title: 'Triển khai đồng bộ các nội dung cải cách hành chính',
    content:
      'Tiếp tục tăng cường triển khai đồng bộ các nội dung CCHC tại Chương trình 01-CTr/TU, Kế hoạch 136/KH-UBND, Quyết định 280/QĐ-UBND; rà soát các nhiệm vụ, mục tiêu, chỉ tiêu phải hoàn thành trong 5 tháng cuối năm 2023.',
    assignee: 'every-unit',
    parentLead: 'SNV',
    deadline: '2023-12-31',
    cadence: 'quarter',
    reading: 'Thời hạn: "phải hoàn thành trong 5 tháng cuối năm 2023". Sở Nội vụ theo dõi, đôn đốc nhiệm vụ CCHC của các cơ quan, đơn vị (mục 6).',
  },
  {
    clause: '1.2',
    title: 'Thực hiện Nghị quyết 20/NQ-HĐND về giám sát CCHC, chính quyền điện tử, chuyển đổi số',
    content:
      'Triển khai các nội dung, nhiệm vụ tại Nghị quyết 20/NQ-HĐND ngày 06/7/2023 và văn bản 2023/UBND-NC; tham mưu, báo cáo UBND Thành phố những nội dung vượt thẩm quyền.',
    assignee: 'every-unit',
    parentLead: 'SNV',
    deadline: null,
    cadence: 'quarter',
  },
  {
    clause: '1.3a',
    title: 'Khắc phục, nâng cao các Chỉ số PAR INDEX, SIPAS, PAPI',
    content:
      'Căn cứ Kế hoạch 170/KH-UBND (PAR INDEX, SIPAS) và Kế hoạch 157/KH-UBND (PAPI), rà soát các nhiệm vụ, tiêu chí, tiêu chí thành phần, chỉ tiêu cần đạt của từng Chỉ số, triển khai các giải pháp đảm bảo hoàn thành kế hoạch.',
    assignee: 'every-unit',
    parentLead: 'SNV',
    deadline: null,
    cadence: 'quarter',
    reading: 'Mục 1 giao mọi đơn vị; mục 6 giao Sở Nội vụ theo dõi Kế hoạch khắc phục các Chỉ số PAR INDEX, SIPAS, PAPI.',
  },
  {
    clause: '1.3b',
    title: 'Khắc phục, nâng cao các Chỉ số PCI, PGI',
    content:
      'Căn cứ Kế hoạch 167/KH-UBND nâng cao Chỉ số PCI và Chỉ số xanh cấp tỉnh (PGI), rà soát các nhiệm vụ, tiêu chí, tiêu chí thành phần, chỉ tiêu cần đạt của từng Chỉ số, triển khai các giải pháp đảm bảo hoàn thành kế hoạch.',
    assignee: 'every-unit',
    parentLead: 'SKHDT',
    deadline: null,
    cadence: 'quarter',
    reading: 'Mục 1 giao mọi đơn vị; mục 5 giao Sở Kế hoạch và Đầu tư chủ trì Kế hoạch khắc phục Chỉ số PCI (Kế hoạch 167/KH-UBND gồm cả PGI).',
  },
  {
    clause: '1.4',
    title: 'Rà soát, đơn giản hóa thủ tục hành chính; ủy quyền giải quyết TTHC',
    content:
      'Rà soát, đơn giản hóa TTHC, quy định hành chính theo Kế hoạch 286/KH-UBND; đến năm 2025 cắt giảm, đơn giản hóa ít nhất 20% TTHC nội bộ và ít nhất 20% chi phí tuân thủ; tiếp tục ủy quyền giải quyết TTHC theo Quyết định 4610/QĐ-UBND, kịp thời báo cáo khó khăn, vướng mắc.',
    assignee: 'every-unit',
    parentLead: 'VP',
    deadline: '2025-12-31',
    cadence: 'quarter',
  },
  {
    clause: '1.5',
    title: 'Mô hình Bộ phận tiếp nhận và trả kết quả hiện đại',
    content: 'Tiếp tục triển khai các nhiệm vụ tại Đề án mô hình Bộ phận một cửa hiện đại các cấp (Kế hoạch 01/KH-UBND ngày 03/01/2023).',
    assignee: 'every-unit',
    parentLead: 'VP',
    deadline: null,
    cadence: 'quarter',
  },
  {
    clause: '1.6',
    title: 'Tái cấu trúc quy trình TTHC, dịch vụ công trên Cổng DVCQG',
    content:
      'Rà soát, đánh giá, tái cấu trúc quy trình các TTHC, dịch vụ công đã tích hợp trên Cổng DVCQG và Hệ thống thông tin giải quyết TTHC của Thành phố; trình Chủ tịch UBND Thành phố phê duyệt; nội dung vượt thẩm quyền thì tham mưu báo cáo cấp có thẩm quyền. Hoàn thành trong tháng 9 năm 2023.',
    assignee: 'every-unit',
    parentLead: 'VP',
    deadline: '2023-09-30',
    cadence: 'month',
    inferred: { parentLead: true },
    reading: 'Thời hạn: "Thời gian hoàn thành trong tháng 9 năm 2023". Văn bản không nêu đơn vị theo dõi; Văn phòng UBND theo dõi TTHC (mục 2).',
  },
  {
    clause: '1.7',
    title: 'Khoán kinh phí, tự chủ tài chính và tiết kiệm',
    content:
      'Thực hiện hiệu quả cơ chế khoán kinh phí quản lý hành chính, cơ chế tự chủ tài chính tại các đơn vị sự nghiệp công lập; sử dụng tiết kiệm kinh phí; thực hiện Nghị quyết 20/2022/NQ-HĐND.',
    assignee: 'every-unit',
    parentLead: 'STC',
    deadline: null,
    cadence: 'half',
  },
  {
    clause: '1.8a',
    title: 'Ứng dụng công nghệ thông tin trong cải cách hành chính',
    content:
      'Tiếp tục đẩy mạnh ứng dụng CNTT trong CCHC, nhất là cải cách TTHC gắn với chuyển đổi số, tháo gỡ khó khăn, vướng mắc cho người dân, doanh nghiệp.',
    assignee: 'every-unit',
    parentLead: 'STTTT',
    deadline: null,
    cadence: 'half',
    inferred: { parentLead: true },
    reading: 'Văn bản không nêu đơn vị theo dõi; Sở Thông tin và Truyền thông theo dõi chuyển đổi số (mục 4).',
  },
  {
    clause: '1.8b',
    title: 'Thông tin, tuyên truyền và khen thưởng về cải cách hành chính',
    content:
      'Tăng cường thông tin, tuyên truyền về các nội dung CCHC, ý nghĩa, kết quả các chỉ số tới cán bộ, công chức, viên chức, người dân, tổ chức; khen thưởng cá nhân, tổ chức đạt thành tích tốt trong tham mưu thực hiện nhiệm vụ CCHC.',
    assignee: 'every-unit',
    parentLead: 'SNV',
    deadline: null,
    cadence: 'half',
    inferred: { parentLead: true },
    reading: 'Văn bản không nêu đơn vị theo dõi; Sở Nội vụ theo dõi nhiệm vụ CCHC (mục 6) và công tác thi đua, khen thưởng.',
  },
  {
    clause: '1.9',
    title: 'Thanh tra, kiểm tra công vụ; kỷ luật, kỷ cương hành chính',
    content:
      'Tăng cường thanh tra, kiểm tra công vụ, kiểm tra CCHC, việc thực hiện văn bản chỉ đạo của UBND Thành phố; xử lý nghiêm, công khai cán bộ, đơn vị để xảy ra chậm trễ, gây phiền hà.',
    assignee: 'every-unit',
    parentLead: 'SNV',
    deadline: null,
    cadence: 'quarter',
  },
];

/** §2–§6: duties of one unit each. */
const unitDuties: ClauseSeed[] = [
  { clause: '2.1', title: 'Công khai danh mục TTHC trên Cơ sở dữ liệu quốc gia; theo dõi Kế hoạch 286/KH-UBND', content: 'Đăng tải, cập nhật, công khai dữ liệu TTHC trên CSDL quốc gia về TTHC theo các Quyết định công bố; theo dõi, đôn đốc thực hiện Kế hoạch 286/KH-UBND đúng tiến độ.', assignee: 'VP', deadline: null, cadence: 'quarter' },
  { clause: '2.2', title: 'Chủ trì cắt giảm, đơn giản hóa quy định, TTHC', content: 'Chủ trì, theo dõi, đôn đốc các cơ quan, đơn vị cắt giảm, đề xuất phương án đơn giản hóa quy định, TTHC, đảm bảo các tỷ lệ Trung ương quy định.', assignee: 'VP', deadline: '2025-12-31', cadence: 'quarter', inferred: { deadline: true }, reading: 'Văn bản không nêu thời hạn; lấy mốc "đến năm 2025" của mục 1.' },
  { clause: '2.3', title: 'Theo dõi mô hình một cửa hiện đại và việc ủy quyền giải quyết TTHC', content: 'Theo dõi, tổng hợp báo cáo tiến độ Đề án mô hình Bộ phận một cửa hiện đại; theo dõi, kiểm tra, đánh giá việc ủy quyền theo Quyết định 4610/QĐ-UBND.', assignee: 'VP', deadline: null, cadence: 'quarter' },
  { clause: '3.1', title: 'Chuyển đơn vị sự nghiệp công lập sang tự chủ tài chính', content: 'Chủ trì, hướng dẫn chuyển đơn vị sự nghiệp công lập sang tự chủ tài chính giai đoạn 2022-2025 theo Kế hoạch 189/KH-UBND; phấn đấu đến năm 2025 có tối thiểu 20% đơn vị tự chủ tài chính; định kỳ tổng hợp, báo cáo UBND Thành phố.', assignee: 'STC', deadline: '2025-12-31', cadence: 'half' },
  { clause: '3.2', title: 'Cơ chế tiền lương đặc thù', content: 'Tiếp tục nghiên cứu, ban hành cơ chế, chính sách tiền lương đặc thù cho cán bộ, công chức, viên chức và người lao động của Thành phố.', assignee: 'STC', coordinators: ['SNV'], deadline: null, cadence: 'half', inferred: { coordinators: true }, reading: 'Văn bản không nêu đơn vị phối hợp; Sở Nội vụ quản lý chế độ tiền lương của cán bộ, công chức.' },
  { clause: '4.1', title: 'Theo dõi Kế hoạch 64/KH-UBND về chuyển đổi số; kế hoạch chuyển đổi số của các đơn vị', content: 'Theo dõi, đôn đốc, tổng hợp báo cáo kết quả Kế hoạch 64/KH-UBND; đôn đốc các sở, ngành, quận, huyện xây dựng kế hoạch chuyển đổi số thuộc lĩnh vực, địa bàn quản lý.', assignee: 'STTTT', deadline: null, cadence: 'quarter' },
  { clause: '4.2', title: 'Hoàn thiện Hệ thống thông tin giải quyết TTHC của Thành phố', content: 'Hoàn thiện tính năng Hệ thống thông tin giải quyết TTHC, kết nối với CSDL quốc gia về dân cư và các CSDL chuyên ngành; bảo đảm an ninh, an toàn hệ thống.', assignee: 'STTTT', coordinators: ['VP'], deadline: null, cadence: 'quarter', inferred: { coordinators: true }, reading: 'Văn bản không nêu đơn vị phối hợp; Văn phòng UBND quản lý nghiệp vụ giải quyết TTHC.' },
  { clause: '5.1', title: 'Tháo gỡ khó khăn các Đề án, Kế hoạch hỗ trợ doanh nghiệp', content: 'Đầu mối theo dõi, phối hợp rà soát, đề xuất giải pháp tháo gỡ khó khăn để đẩy mạnh các Đề án, Kế hoạch hỗ trợ doanh nghiệp đã được phê duyệt.', assignee: 'SKHDT', deadline: null, cadence: 'quarter' },
  { clause: '5.2', title: 'Kế hoạch khắc phục Chỉ số PCI năm 2023', content: 'Chủ trì theo dõi, đôn đốc Kế hoạch khắc phục Chỉ số PCI; rà soát tiêu chí, tiêu chí thành phần, chỉ tiêu năm 2023; chỉ tiêu dự báo không đạt thì phối hợp triển khai giải pháp và báo cáo UBND Thành phố.', assignee: 'SKHDT', deadline: '2023-12-31', cadence: 'quarter', inferred: { deadline: true }, reading: 'Văn bản không nêu thời hạn; các chỉ tiêu rà soát là của năm 2023.' },
  { clause: '6.1', title: 'Tổng hợp báo cáo định kỳ về cải cách hành chính', content: 'Chủ trì theo dõi, đôn đốc nhiệm vụ CCHC của các cơ quan, đơn vị; định kỳ tổng hợp báo cáo UBND Thành phố, Ban Chỉ đạo CCHC, chuyển đổi số và Tổ giúp việc chuyên đề CCHC.', assignee: 'SNV', deadline: null, cadence: 'quarter' },
  { clause: '6.2', title: 'Theo dõi Kế hoạch khắc phục các Chỉ số PAR INDEX, SIPAS, PAPI', content: 'Bám sát, theo dõi Kế hoạch khắc phục các Chỉ số PAR INDEX, SIPAS, PAPI; rà soát tiêu chí, chỉ tiêu năm 2023; chỉ tiêu dự báo không đạt thì phối hợp triển khai giải pháp và báo cáo UBND Thành phố.', assignee: 'SNV', deadline: '2023-12-31', cadence: 'quarter', inferred: { deadline: true }, reading: 'Văn bản không nêu thời hạn; các chỉ tiêu rà soát là của năm 2023.' },
  { clause: '6.3', title: 'Phát hiện, nhân rộng mô hình, cách làm hay về CCHC', content: 'Tiếp tục phát hiện và nhân rộng các mô hình, giải pháp, cách làm hay, hiệu quả trong công tác CCHC trên toàn Thành phố.', assignee: 'SNV', deadline: null, cadence: 'half' },
];

export const clauses2458: ClauseSeed[] = [...section1, ...unitDuties];

/**
 * The core's own targets of 2458 (entered by hand). A target a department module computes is
 * declared in that module's manifest (`targets`), never here: the core names no module.
 */
export const targets2458: TargetSeed[] = [
  { code: '2458-CT1', name: 'Cắt giảm, đơn giản hóa ít nhất 20% TTHC nội bộ đến năm 2025', measureUnit: '%', direction: 'at_least', baselineValue: 2.5, baselineDate: '2023-06-30', targetValue: 20, targetDate: '2025-12-31', ownerUnitCode: 'VP', source: 'manual', clause: '2.2' },
  { code: '2458-CT2', name: 'Cắt giảm ít nhất 20% chi phí tuân thủ TTHC đến năm 2025', measureUnit: '%', direction: 'at_least', baselineValue: 1.5, baselineDate: '2023-06-30', targetValue: 20, targetDate: '2025-12-31', ownerUnitCode: 'VP', source: 'manual', clause: '2.2' },
];

/**
 * Baselines the first seed gave (0 on the directive's date): a database still holding them,
 * untouched by the owner (version 1), gets the baselines above when it is reconciled.
 */
export const FIRST_SEED_BASELINES: Record<string, { value: number; date: string }> = {
  '2458-CT1': { value: 0, date: '2023-08-08' },
  '2458-CT2': { value: 0, date: '2023-08-08' },
};

/** Clauses the first seed had whole, split since as the text assigns them (old clause → the part that keeps its tasks). */
export const SPLIT_CLAUSES_2458: Record<string, string> = { '1.3': '1.3a', '1.8': '1.8a' };
