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
  common: {
    loading: 'Đang tải…',
    save: 'Lưu',
    cancel: 'Hủy',
    add: 'Thêm',
    empty: 'Chưa có dữ liệu',
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
  common: {
    loading: 'Loading…',
    save: 'Save',
    cancel: 'Cancel',
    add: 'Add',
    empty: 'No data yet',
  },
};
