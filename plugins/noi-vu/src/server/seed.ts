/**
 * Demo data (DONDOC_DEMO=1): good models as units might have proposed them this year (one
 * recognised and replicated, adopted by another unit; one awaiting Sở Nội vụ; one not recognised),
 * two inspections (Quận Hoàn Kiếm's closed, Sở Xây dựng's with a follow-up overdue and one open)
 * and the discipline cases to publish. No consolidated report: Sở Nội vụ writes it in the demo's
 * journey. Idempotent: it writes only into an empty module.
 */
import { sql } from 'drizzle-orm';
import { addDays, type PluginContext } from '@dondoc/plugin-sdk';
import { disciplineCases, followUps, goodModels, inspections, modelAdoptions } from './schema.ts';

const SEED = 'du-lieu-mau';

export async function seedDemo(ctx: PluginContext): Promise<boolean> {
  const [{ n }] = (await ctx.db.select({ n: sql<number>`count(*)::int` }).from(goodModels)) as [{ n: number }];
  if (n > 0) return false;
  const today = ctx.core.today();
  const year = Number(today.slice(0, 4));
  const who = { createdBy: SEED, updatedBy: SEED };
  await ctx.db.transaction(async (tx) => {
    const [recognised] = await tx
      .insert(goodModels)
      .values([
        {
          unitCode: 'Q002',
          year,
          field: 'thu_tuc',
          title: 'Bộ phận một cửa "không chờ đợi": hẹn giờ trả kết quả qua Zalo',
          description: 'Người dân đặt lịch nộp hồ sơ và nhận thông báo trả kết quả qua tài khoản Zalo của UBND quận.',
          results: 'Thời gian chờ trung bình giảm từ 35 phút xuống 8 phút; 97% người dân hài lòng.',
          evidence: 'Báo cáo số 118/BC-UBND ngày 15/10/' + year + ' của UBND quận Hoàn Kiếm',
          state: 'recognised',
          evaluationNote: 'Hiệu quả, chi phí thấp, dễ nhân rộng tại các quận, huyện.',
          evaluatedBy: 'snv',
          evaluatedOn: addDays(today, -30),
          replicate: true,
          version: 3,
          ...who,
        },
        {
          unitCode: 'SXD',
          year,
          field: 'chinh_quyen_so',
          title: 'Cấp giấy phép xây dựng trực tuyến toàn trình',
          description: 'Tiếp nhận, thẩm định và trả giấy phép xây dựng hoàn toàn trực tuyến, ký số kết quả.',
          results: '82% hồ sơ cấp phép nộp trực tuyến trong 9 tháng.',
          evidence: null,
          ...who,
        },
        {
          unitCode: 'Q004',
          year,
          field: 'cong_vu',
          title: 'Chấm điểm công chức theo sản phẩm hằng tuần',
          description: 'Công chức tự nhập sản phẩm hằng tuần, lãnh đạo phòng chấm điểm.',
          results: 'Đang thí điểm tại 2 phòng.',
          state: 'not_recognised',
          evaluationNote: 'Chưa có kết quả đánh giá sau thí điểm; đề nghị tiếp tục theo dõi.',
          evaluatedBy: 'snv',
          evaluatedOn: addDays(today, -20),
          version: 2,
          ...who,
        },
      ])
      .returning();
    await tx.insert(modelAdoptions).values({ modelId: recognised!.id, unitCode: 'Q003', adoptedOn: addDays(today, -10), result: 'Áp dụng tại Bộ phận một cửa quận Tây Hồ từ tháng này; thời gian chờ giảm một nửa.', ...who });
    const [closed, open] = await tx
      .insert(inspections)
      .values([
        { kind: 'cchc', plan: `Kế hoạch kiểm tra công tác CCHC năm ${year}`, unitCode: 'Q002', inspectedOn: addDays(today, -60), findings: 'Niêm yết TTHC đầy đủ; còn 2 hồ sơ trễ hạn chưa có văn bản xin lỗi.', closed: true, closedOn: addDays(today, -25), version: 2, ...who },
        { kind: 'discipline', plan: `Kế hoạch kiểm tra công vụ năm ${year}`, unitCode: 'SXD', inspectedOn: addDays(today, -21), findings: '01 công chức không đeo thẻ khi tiếp dân; sổ theo dõi hồ sơ chưa cập nhật.', ...who },
      ])
      .returning();
    await tx.insert(followUps).values([
      { inspectionId: closed!.id, what: 'Gửi văn bản xin lỗi người dân có hồ sơ trễ hạn', dueOn: addDays(today, -40), doneOn: addDays(today, -30), ...who },
      { inspectionId: open!.id, what: 'Kiểm điểm công chức vi phạm, báo cáo kết quả về Sở Nội vụ', dueOn: addDays(today, -5), ...who },
      { inspectionId: open!.id, what: 'Cập nhật đầy đủ sổ theo dõi hồ sơ', dueOn: addDays(today, 20), ...who },
    ]);
    await tx.insert(disciplineCases).values([
      { unitCode: 'SXD', inspectionId: open!.id, subject: '01 công chức Phòng Quản lý hoạt động xây dựng', violation: 'Không đeo thẻ công chức khi thi hành công vụ', measure: 'khien_trach', decidedOn: addDays(today, -7), decisionNumber: '245/QĐ-SXD', published: true, ...who },
      { unitCode: 'Q004', subject: '01 viên chức Trung tâm Văn hóa', violation: 'Tự ý nghỉ việc nhiều ngày không có lý do', measure: 'canh_cao', decidedOn: addDays(today, -45), decisionNumber: '1120/QĐ-UBND', published: true, ...who },
    ]);
  });
  return true;
}
