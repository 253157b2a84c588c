/**
 * The `common` namespace: texts of the design system itself (errors, language switch).
 * Vietnamese is the reference; English must have exactly the same keys (a unit test checks).
 */
export const commonVi = {
  portal: {
    name: 'dondoc — Theo dõi, đôn đốc nhiệm vụ',
    owner: 'Ủy ban nhân dân Thành phố Hà Nội',
  },
  locale: {
    label: 'Ngôn ngữ',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  person: {
    system: 'Hệ thống',
  },
  error: {
    title: 'Đã có lỗi xảy ra',
    retry: 'Thử lại',
    network: 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng rồi thử lại.',
    unknown: 'Đã có lỗi không xác định. Vui lòng thử lại.',
    http: 'Máy chủ trả lời lỗi {{status}}. Vui lòng thử lại sau.',
    badResponse: 'Máy chủ trả lời không đúng định dạng. Vui lòng thử lại sau.',
    unauthorized: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    forbidden: 'Bạn không có quyền thực hiện thao tác này.',
    notFound: 'Không tìm thấy dữ liệu yêu cầu.',
    tooManyRequests: 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ít phút.',
  },
  conflict: {
    keep: 'Nội dung bạn đã nhập vẫn được giữ nguyên. Bấm "Tải lại" để lấy dữ liệu mới nhất, kiểm tra rồi lưu lại.',
    reload: 'Tải lại',
    reloaded: 'Đã tải dữ liệu mới nhất: các ô bạn đã sửa được giữ nguyên, các ô khác lấy theo dữ liệu mới. Kiểm tra lại rồi lưu.',
  },
  spreadsheet: {
    file: 'Tệp dữ liệu',
    drop: 'Kéo thả tệp vào đây, hoặc bấm (Enter) để chọn tệp',
    hint: 'Tệp {{kinds}}, tối đa {{max}}.',
    chosen: 'Đã chọn: {{name}} ({{size}})',
    wrongType: 'Tệp "{{name}}" không đúng loại: chỉ nhận {{kinds}}.',
    empty: 'Tệp "{{name}}" không có nội dung.',
    tooLarge: 'Tệp "{{name}}" lớn quá {{max}}; hãy chia thành nhiều tệp.',
    template: 'Tải tệp mẫu',
    check: 'Kiểm tra tệp',
    run: 'Nhập dữ liệu',
    runHelp: 'Bấm "Kiểm tra tệp" trước: chỉ tệp không còn lỗi mới nhập được, và nhập toàn bộ hoặc không nhập dòng nào.',
    sending: 'Đang gửi tệp…',
    checkedClean: 'Tệp hợp lệ: {{count}} dòng dữ liệu, chưa ghi gì. Bấm "Nhập dữ liệu" để nhập.',
    written: 'Đã nhập {{count}} dòng dữ liệu.',
    errorsTitle: 'Tệp có {{count}} lỗi — chưa nhập dòng nào',
    read: 'Đã đọc {{count}} dòng dữ liệu',
    sheet: 'trang tính "{{name}}"',
    errorRow: 'Dòng',
    errorColumn: 'Cột',
    errorMessage: 'Lỗi',
    fileLevel: 'Tệp',
    ignored: 'Các cột không dùng: {{columns}}.',
    failed: 'Không nhập được tệp',
  },
  date: {
    format: 'Không đọc được ngày "{{text}}": hãy nhập theo dạng dd/mm/yyyy, ví dụ 30/11/2026.',
    impossible: 'Ngày {{text}} không có thật: tháng {{month}}/{{year}} chỉ có {{days}} ngày.',
    month: 'Ngày {{text}} không có thật: tháng phải từ 1 đến 12.',
    year: 'Năm {{year}} nằm ngoài khoảng cho phép (từ 1900 đến 2999).',
  },
  text: {
    tooLong: 'Nội dung dài {{length}} ký tự, quá giới hạn {{max}} ký tự: hãy rút gọn {{over}} ký tự trước khi lưu.',
  },
  common: {
    loading: 'Đang tải…',
    save: 'Lưu',
    cancel: 'Hủy',
    add: 'Thêm',
    empty: 'Chưa có dữ liệu',
    close: 'Đóng',
    reload: 'Tải lại',
    loadFailed: 'Không tải được dữ liệu',
    saveFailed: 'Không lưu được',
    noPermission: 'Bạn không có quyền dùng chức năng này.',
  },
};

export type CommonResources = typeof commonVi;

/** Deep string map with the same shape as T. */
export type SameShape<T> = { [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

export const commonEn: SameShape<CommonResources> = {
  portal: {
    name: 'dondoc — Directive task follow-up',
    owner: "Hà Nội People's Committee",
  },
  locale: {
    label: 'Language',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  person: {
    system: 'System',
  },
  error: {
    title: 'Something went wrong',
    retry: 'Try again',
    network: 'Cannot reach the server. Check the network and try again.',
    unknown: 'An unknown error occurred. Please try again.',
    http: 'The server answered with error {{status}}. Please try again later.',
    badResponse: 'The server sent an unreadable answer. Please try again later.',
    unauthorized: 'Your session has expired. Please sign in again.',
    forbidden: 'You are not allowed to do this.',
    notFound: 'The requested data was not found.',
    tooManyRequests: 'Too many attempts. Please try again in a few minutes.',
  },
  conflict: {
    keep: 'What you typed is kept. Press "Reload" to get the latest data, check it, then save again.',
    reload: 'Reload',
    reloaded: 'The latest data is loaded: the fields you changed are kept, the others show the new values. Check, then save.',
  },
  spreadsheet: {
    file: 'Data file',
    drop: 'Drop a file here, or press (Enter) to choose one',
    hint: '{{kinds}} file, {{max}} at most.',
    chosen: 'Chosen: {{name}} ({{size}})',
    wrongType: 'The file "{{name}}" is not of a kind accepted here: only {{kinds}}.',
    empty: 'The file "{{name}}" is empty.',
    tooLarge: 'The file "{{name}}" is larger than {{max}}; split it.',
    template: 'Download the template',
    check: 'Check file',
    run: 'Import the data',
    runHelp: 'Press "Check file" first: only a file without errors can be imported, and it is imported whole or not at all.',
    sending: 'Sending the file…',
    checkedClean: 'The file is valid: {{count}} data rows, nothing written yet. Press "Import the data" to import them.',
    written: '{{count}} data rows imported.',
    errorsTitle: 'The file has {{count}} errors — no row was imported',
    read: '{{count}} data rows read',
    sheet: 'sheet "{{name}}"',
    errorRow: 'Row',
    errorColumn: 'Column',
    errorMessage: 'Error',
    fileLevel: 'File',
    ignored: 'Columns not used: {{columns}}.',
    failed: 'Could not import the file',
  },
  date: {
    format: 'Cannot read the date "{{text}}": type it as dd/mm/yyyy, e.g. 30/11/2026.',
    impossible: 'There is no {{text}}: month {{month}}/{{year}} has {{days}} days.',
    month: 'There is no {{text}}: the month must be 1 to 12.',
    year: 'The year {{year}} is outside the accepted range (1900 to 2999).',
  },
  text: {
    tooLong: 'The text is {{length}} characters long, over the limit of {{max}}: shorten it by {{over}} before saving.',
  },
  common: {
    loading: 'Loading…',
    save: 'Save',
    cancel: 'Cancel',
    add: 'Add',
    empty: 'No data yet',
    close: 'Close',
    reload: 'Reload',
    loadFailed: 'Could not load the data',
    saveFailed: 'Could not save',
    noPermission: 'You are not allowed to use this.',
  },
};
