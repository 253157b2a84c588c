/**
 * Texts of the overview's watch lists (`/tong-quan`), part of the shell's namespace (merged in
 * src/i18n.ts).
 */
export const watchVi = {
  watch: {
    title: 'Cần theo dõi',
    more: 'Xem tất cả',
    none: 'Không có.',
    loadFailed: 'Không tải được danh sách',
    overdue: { title: 'Nhiệm vụ quá hạn ({{count}})', deadline: 'Hạn {{date}}', daysOverdue: 'quá {{count}} ngày', reminders: 'Đã đôn đốc {{count}} lần sau hạn', remindMessage: 'Đề nghị đơn vị khẩn trương hoàn thành nhiệm vụ {{code}} (hạn {{date}}) và báo cáo kết quả về UBND Thành phố.' },
    flagged: { title: 'Quá hạn trên 3 lần đôn đốc ({{count}})', item: 'quá {{days}} ngày, {{reminders}} lần đôn đốc' },
    targets: { title: 'Chỉ tiêu theo dự báo', sparkline: '{{name}}: giá trị mới nhất {{latest}}, mục tiêu {{target}}', noData: 'chưa có số liệu' },
    scorecards: { title: 'Tiêu chí Chỉ số dự báo không đạt ({{count}})', item: 'ước tính {{estimate}}, mục tiêu {{target}}', escalated: 'đã kiến nghị UBND', noAction: 'chưa có giải pháp' },
    escalations: { title: 'Kiến nghị chờ UBND Thành phố ({{count}})', since: 'từ {{date}}' },
    notReported: { title: 'Chưa gửi báo cáo {{period}} ({{count}}/{{units}})', due: 'Hạn gửi {{date}}', all: 'Mọi đơn vị đã gửi báo cáo.' },
  },
};

export const watchEn: typeof watchVi = {
  watch: {
    title: 'To watch',
    more: 'See all',
    none: 'None.',
    loadFailed: 'Could not load the list',
    overdue: { title: 'Overdue tasks ({{count}})', deadline: 'Due {{date}}', daysOverdue: '{{count}} days overdue', reminders: 'Reminded {{count}} times since the deadline', remindMessage: 'Please complete task {{code}} (due {{date}}) without delay and report the result to the City People’s Committee.' },
    flagged: { title: 'Overdue after more than 3 reminders ({{count}})', item: '{{days}} days overdue, {{reminders}} reminders' },
    targets: { title: 'Targets by forecast', sparkline: '{{name}}: latest value {{latest}}, target {{target}}', noData: 'no data yet' },
    scorecards: { title: 'Index criteria forecast to miss ({{count}})', item: 'estimate {{estimate}}, target {{target}}', escalated: 'escalated to the committee', noAction: 'no remediation yet' },
    escalations: { title: 'Escalations awaiting the committee ({{count}})', since: 'since {{date}}' },
    notReported: { title: 'Reports not submitted for {{period}} ({{count}}/{{units}})', due: 'Due {{date}}', all: 'Every unit has submitted its report.' },
  },
};
