/**
 * Hà Nội's 2023 index scorecards as the demo holds them: the structures of /work/shared INDICES.md
 * (fields, factors, dimensions, sub-indices, scales, published scores and ranks, sources) with
 * plausible targets and owners' estimates, a few short of their targets. What INDICES.md marks
 * [UNVERIFIED] is marked `unverified` here: it is data the owning department edits, not code.
 */
import type { ScorecardIndex } from '../domain/index.ts';

export interface SeedAction {
  what: string;
  ownerUnitCode: string;
  dueOn: string;
}

export interface SeedNode {
  code: string;
  name: string;
  maxPoints?: number;
  weight?: number;
  lastYearScore?: number;
  target?: number;
  margin?: number;
  estimate?: number;
  evidence?: string;
  owners?: string[];
  unverified?: boolean;
  source?: string;
  /** Required where the estimate is below the target (the rule holds for the seed too). */
  action?: SeedAction;
  children?: SeedNode[];
}

export interface SeedScorecard {
  index: ScorecardIndex;
  year: number;
  name: string;
  ownerUnitCode: string;
  /** The clause of directive 2458 whose lead-unit task the scorecard serves (§6.2 Sở Nội vụ, §5.2 Sở KH&ĐT). */
  clause: string;
  /** The core target its projected score is measured on. */
  targetCode: string;
  targetName: string;
  measureUnit: string;
  lastYearRank: string | null;
  sources: Array<{ label: string; url: string }>;
  unverifiedNote: string | null;
  root: SeedNode;
}

/** The date of the demo's estimates (the data window of Q3 2023 closes on 14/9). */
export const SEED_ESTIMATE_DATE = '2023-09-14';

const DEMO_EVIDENCE = 'Tự đánh giá quý III/2023 theo hồ sơ, tài liệu kiểm chứng của đơn vị';

const SRC_PAR_2023 = { label: 'PAR INDEX 2023 (TTXVN)', url: 'https://nvsk.vnanet.vn/print/infographics-chi-so-cai-cach-hanh-chinh-2023-par-index-2023-145152.vna' };
const SRC_PAR_2022 = { label: 'PAR INDEX 2022: Hà Nội 89,58%, hạng 3/63 (Báo Đồng Nai)', url: 'https://baodongnai.com.vn/tintuc/202304/dong-nai-tang-4-bac-trong-xep-hang-cai-cach-hanh-chinh-3163860' };
const SRC_876 = { label: 'QĐ 876/QĐ-BNV (10/11/2022)', url: 'https://bacninh.gov.vn/news/-/details/20182/quyet-inh-876-q-bnv-cua-bo-noi-vu-phe-duyet-e-an-xac-inh-chi-so-cai-cach-hanh-chinh-cua-cac-bo-co-quan-ngang-bo-ubnd-tinh-thanh-pho-truc-thuoc-trung-uong-giai-oan-2022-2030-42322197' };
const SRC_SIPAS = { label: 'Đề án đo lường sự hài lòng 2017–2023', url: 'https://blogkhampha.edu.vn/de-an-do-luong-su-hai-long-cua-nguoi-dan-to-chuc-doi-voi-su-phuc-vu-cua-co-quan-hanh-chinh-nha-nuoc-giai-doan-2017-2023' };
const SRC_SIPAS_2023 = { label: 'SIPAS 2023 (TTXVN)', url: 'https://nvsk.vnanet.vn/chi-so-hai-long-cua-nguoi-dan-doi-voi-su-phuc-vu-cua-co-quan-hanh-chinh-nha-nuoc-sipas-nam-2023-1-145154.vna' };
const SRC_PAPI = { label: 'PAPI đo lường nội dung gì (papi.org.vn)', url: 'https://papi.org.vn/hoi-dap/?title=papi-do-luong-noi-dung-gi' };
const SRC_PAPI_2022 = { label: 'PAPI 2022: Hà Nội nhóm cao nhất (Kinh tế & Đô thị)', url: 'https://kinhtedothi.vn/chi-so-papi-2022-ha-noi-dung-dau-trong-5-thanh-pho-truc-thuoc-trung-uong.html' };
const SRC_PCI = { label: 'PCI Việt Nam', url: 'http://www.pcivietnam.org/tien-giang' };
const SRC_PCI_METHOD = { label: 'Phương pháp PCI (chuẩn hóa thang 10, trọng số)', url: 'https://vietlod.com/tai-bo-du-lieu-chi-pci-2005-2016/2' };
const SRC_PGI = { label: 'Chỉ số Xanh cấp tỉnh (PGI)', url: 'https://nhandan.vn/post-754152.html' };

const estimated = (estimate: number, owners: string[], fields: Partial<SeedNode> = {}) => ({ estimate, evidence: DEMO_EVIDENCE, owners, ...fields });

export const SCORECARDS_2023: readonly SeedScorecard[] = [
  {
    index: 'par_index',
    year: 2023,
    name: 'PAR INDEX',
    ownerUnitCode: 'SNV',
    clause: '6.2',
    targetCode: 'CS-PAR-2023',
    targetName: 'Chỉ số PAR INDEX năm 2023 của Thành phố (dự báo từ bảng điểm)',
    measureUnit: 'điểm',
    lastYearRank: '3/63',
    sources: [SRC_876, SRC_PAR_2022, SRC_PAR_2023],
    unverifiedNote: 'Tên 8 lĩnh vực và điểm tối đa theo QĐ 876/QĐ-BNV chưa đối chiếu văn bản gốc; tiêu chí của lĩnh vực TTHC là dự kiến.',
    root: {
      code: 'PAR',
      name: 'Chỉ số cải cách hành chính (PAR INDEX)',
      lastYearScore: 89.58,
      target: 91,
      margin: 1.5,
      children: [
        { code: '1', name: 'Công tác chỉ đạo, điều hành CCHC', maxPoints: 9, target: 8.5, unverified: true, ...estimated(8.6, ['VP']) },
        { code: '2', name: 'Xây dựng và tổ chức thực hiện văn bản QPPL (cải cách thể chế)', maxPoints: 8.5, target: 7.8, unverified: true, ...estimated(7.9, ['STP']) },
        {
          code: '3',
          name: 'Cải cách thủ tục hành chính',
          maxPoints: 12.5,
          unverified: true,
          owners: ['VP'],
          children: [
            { code: '3.1', name: 'Công bố, công khai TTHC', maxPoints: 2.5, target: 2.4, unverified: true, ...estimated(2.45, ['VP']) },
            { code: '3.2', name: 'Thực hiện cơ chế một cửa, một cửa liên thông', maxPoints: 3.5, target: 3.2, unverified: true, ...estimated(3.3, ['VP']) },
            {
              code: '3.3',
              name: 'Kết quả giải quyết TTHC đúng hạn',
              maxPoints: 4,
              target: 3.8,
              margin: 0.2,
              unverified: true,
              ...estimated(3.5, ['VP'], {
                action: { what: 'Rà soát hồ sơ quá hạn tại các sở, ngành; công khai xin lỗi và đôn đốc giải quyết trước kỳ tự đánh giá.', ownerUnitCode: 'VP', dueOn: '2023-11-30' },
              }),
            },
            { code: '3.4', name: 'Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC', maxPoints: 2.5, target: 2.3, unverified: true, ...estimated(2.35, ['VP']) },
          ],
        },
        { code: '4', name: 'Cải cách tổ chức bộ máy hành chính nhà nước', maxPoints: 8, target: 7.5, unverified: true, ...estimated(7.6, ['SNV']) },
        { code: '5', name: 'Cải cách chế độ công vụ', maxPoints: 14, target: 13, unverified: true, ...estimated(13.2, ['SNV']) },
        {
          code: '6',
          name: 'Cải cách tài chính công',
          maxPoints: 8.5,
          target: 7.8,
          unverified: true,
          ...estimated(7.4, ['STC'], {
            action: { what: 'Đẩy nhanh giải ngân vốn đầu tư công và giao tự chủ cho đơn vị sự nghiệp công lập đủ điều kiện.', ownerUnitCode: 'STC', dueOn: '2023-12-15' },
          }),
        },
        { code: '7', name: 'Xây dựng, phát triển Chính quyền điện tử, Chính quyền số', maxPoints: 9.5, target: 8.8, unverified: true, ...estimated(9, ['STTTT']) },
        { code: '8', name: 'Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH', maxPoints: 30, target: 26.5, unverified: true, ...estimated(26.1, ['SNV'], {
          action: { what: 'Tổ chức hội nghị đối thoại với người dân, doanh nghiệp về CCHC; khắc phục các điểm yếu trong khảo sát năm trước.', ownerUnitCode: 'SNV', dueOn: '2023-12-15' },
        }) },
      ],
    },
  },
  {
    index: 'sipas',
    year: 2023,
    name: 'SIPAS',
    ownerUnitCode: 'SNV',
    clause: '6.2',
    targetCode: 'CS-SIPAS-2023',
    targetName: 'Chỉ số SIPAS năm 2023 của Thành phố (dự báo từ bảng điểm)',
    measureUnit: '%',
    lastYearRank: null,
    sources: [SRC_SIPAS, SRC_SIPAS_2023],
    unverifiedNote: 'Giá trị và thứ hạng SIPAS của Hà Nội chưa xác minh; các yếu tố lấy bình quân như nhau.',
    root: {
      code: 'SIPAS',
      name: 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)',
      target: 84,
      margin: 2,
      children: [
        { code: '1', name: 'Tiếp cận dịch vụ', target: 84, ...estimated(85.2, ['VP']) },
        {
          code: '2',
          name: 'Thủ tục hành chính',
          target: 84,
          ...estimated(82.1, ['VP'], { action: { what: 'Cắt giảm thành phần hồ sơ của 20 TTHC có nhiều phản ánh nhất; hướng dẫn mẫu tại bộ phận một cửa.', ownerUnitCode: 'VP', dueOn: '2023-12-15' } }),
        },
        { code: '3', name: 'Công chức trực tiếp giải quyết công việc', target: 84, ...estimated(84.6, ['SNV']) },
        { code: '4', name: 'Kết quả dịch vụ', target: 84, ...estimated(84.9, ['VP']) },
        {
          code: '5',
          name: 'Việc tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị',
          target: 84,
          margin: 2,
          ...estimated(80.3, ['VP'], { action: { what: 'Trả lời phản ánh trên Cổng dịch vụ công trong 5 ngày làm việc; công khai kết quả xử lý hằng tháng.', ownerUnitCode: 'VP', dueOn: '2023-11-30' } }),
        },
      ],
    },
  },
  {
    index: 'papi',
    year: 2023,
    name: 'PAPI',
    ownerUnitCode: 'SNV',
    clause: '6.2',
    targetCode: 'CS-PAPI-2023',
    targetName: 'Chỉ số PAPI năm 2023 của Thành phố (dự báo từ bảng điểm)',
    measureUnit: 'điểm',
    lastYearRank: 'Nhóm cao nhất',
    sources: [SRC_PAPI, SRC_PAPI_2022],
    unverifiedNote: 'Thang 10 điểm mỗi chỉ số nội dung, tổng 80 điểm: chưa xác minh (phù hợp các tổng điểm đã công bố).',
    root: {
      code: 'PAPI',
      name: 'Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)',
      target: 45,
      children: [
        { code: '1', name: 'Tham gia của người dân ở cấp cơ sở', target: 5.2, ...estimated(5.3, ['SNV']) },
        { code: '2', name: 'Công khai, minh bạch trong việc ra quyết định ở địa phương', target: 5.5, ...estimated(5.6, ['VP']) },
        { code: '3', name: 'Trách nhiệm giải trình với người dân', target: 4.5, ...estimated(4.6, ['TTTP']) },
        { code: '4', name: 'Kiểm soát tham nhũng trong khu vực công', target: 6.8, ...estimated(6.9, ['TTTP']) },
        { code: '5', name: 'Thủ tục hành chính công', target: 7.3, ...estimated(7.4, ['VP']) },
        { code: '6', name: 'Cung ứng dịch vụ công', target: 7.5, ...estimated(7.6, ['SYT', 'SGDDT']) },
        {
          code: '7',
          name: 'Quản trị môi trường',
          target: 3.6,
          ...estimated(3.3, ['STNMT'], { action: { what: 'Công khai kết quả quan trắc không khí, nước theo quận, huyện; xử lý dứt điểm các điểm tập kết rác tự phát.', ownerUnitCode: 'STNMT', dueOn: '2023-12-15' } }),
        },
        { code: '8', name: 'Quản trị điện tử', target: 4.6, ...estimated(4.9, ['STTTT']) },
      ],
    },
  },
  {
    index: 'pci',
    year: 2023,
    name: 'PCI',
    ownerUnitCode: 'SKHDT',
    clause: '5.2',
    targetCode: 'CS-PCI-2023',
    targetName: 'Chỉ số PCI năm 2023 của Thành phố (dự báo từ bảng điểm)',
    measureUnit: 'điểm',
    lastYearRank: null,
    sources: [SRC_PCI, SRC_PCI_METHOD],
    unverifiedNote: 'Trọng số các chỉ số thành phần chưa xác minh; điểm và thứ hạng PCI 2022 của Hà Nội chưa xác minh (2020: 68,6, hạng 10).',
    root: {
      code: 'PCI',
      name: 'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)',
      target: 70,
      children: [
        { code: '1', name: 'Gia nhập thị trường', weight: 5, target: 7, unverified: true, ...estimated(7.2, ['SKHDT']) },
        { code: '2', name: 'Tiếp cận đất đai', weight: 5, target: 6, unverified: true, ...estimated(5.9, ['STNMT'], { action: { what: 'Rút ngắn thời gian giao, cho thuê đất; công khai quỹ đất sạch cho doanh nghiệp.', ownerUnitCode: 'STNMT', dueOn: '2023-12-15' } }) },
        { code: '3', name: 'Tính minh bạch', weight: 20, target: 6.8, unverified: true, ...estimated(6.6, ['VP'], { action: { what: 'Đăng tải đầy đủ quy hoạch, kế hoạch, văn bản pháp luật trên Cổng thông tin Thành phố.', ownerUnitCode: 'VP', dueOn: '2023-11-30' } }) },
        { code: '4', name: 'Chi phí thời gian', weight: 5, target: 6.5, unverified: true, ...estimated(6.8, ['VP']) },
        { code: '5', name: 'Chi phí không chính thức', weight: 10, target: 6, unverified: true, ...estimated(6.1, ['TTTP']) },
        { code: '6', name: 'Cạnh tranh bình đẳng', weight: 5, target: 5.8, unverified: true, ...estimated(5.8, ['SKHDT']) },
        { code: '7', name: 'Tính năng động của chính quyền', weight: 5, target: 6, unverified: true, ...estimated(6, ['SKHDT']) },
        { code: '8', name: 'Dịch vụ hỗ trợ doanh nghiệp', weight: 20, target: 7.5, unverified: true, ...estimated(7.9, ['SKHDT']) },
        { code: '9', name: 'Đào tạo lao động', weight: 20, target: 7.3, unverified: true, ...estimated(7.5, ['SLDTBXH']) },
        { code: '10', name: 'Thiết chế pháp lý và an ninh trật tự', weight: 5, target: 6.2, unverified: true, ...estimated(6.3, ['STP']) },
      ],
    },
  },
  {
    index: 'pgi',
    year: 2023,
    name: 'PGI',
    ownerUnitCode: 'SKHDT',
    clause: '5.2',
    targetCode: 'CS-PGI-2023',
    targetName: 'Chỉ số Xanh cấp tỉnh (PGI) năm 2023 của Thành phố (dự báo từ bảng điểm)',
    measureUnit: 'điểm',
    lastYearRank: null,
    sources: [SRC_PGI],
    unverifiedNote: 'Điểm tối đa từng chỉ số thành phần chưa công bố; 44 chỉ tiêu chưa đưa vào bảng điểm.',
    root: {
      code: 'PGI',
      name: 'Chỉ số Xanh cấp tỉnh (PGI)',
      target: 23,
      children: [
        {
          code: '1',
          name: 'Giảm thiểu ô nhiễm môi trường và tác động tiêu cực của biến đổi khí hậu',
          target: 6,
          ...estimated(5.8, ['STNMT'], { action: { what: 'Kiểm tra các cơ sở sản xuất trong khu dân cư; hướng dẫn doanh nghiệp xử lý chất thải.', ownerUnitCode: 'STNMT', dueOn: '2023-12-15' } }),
        },
        { code: '2', name: 'Đảm bảo tuân thủ các tiêu chuẩn môi trường tối thiểu', target: 6.2, ...estimated(6.4, ['STNMT']) },
        { code: '3', name: 'Vai trò lãnh đạo của chính quyền tỉnh trong thúc đẩy thực hành xanh', target: 6, ...estimated(6.1, ['SKHDT']) },
        { code: '4', name: 'Chính sách và dịch vụ hỗ trợ doanh nghiệp trong bảo vệ môi trường', target: 5, ...estimated(5.2, ['SKHDT', 'SCT']) },
      ],
    },
  },
];
