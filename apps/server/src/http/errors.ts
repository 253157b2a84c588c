import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Locale } from '@dondoc/trpc';

const texts = {
  bad_json: { vi: 'Dữ liệu gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  bad_input: { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request data is not valid.' },
  too_large: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  invalid_credentials: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  throttled: {
    vi: 'Bạn đã thử đăng nhập quá nhiều lần. Vui lòng thử lại sau ít phút.',
    en: 'Too many sign-in attempts. Please try again in a few minutes.',
  },
  unauthorized: { vi: 'Bạn cần đăng nhập.', en: 'You need to sign in.' },
  cross_origin: {
    vi: 'Yêu cầu bị từ chối vì không đến từ chính cổng thông tin.',
    en: 'Request refused: it does not come from this portal.',
  },
  not_found: { vi: 'Không tìm thấy địa chỉ này.', en: 'Not found.' },
  unknown_module: { vi: 'Không có mô-đun này.', en: 'No such module.' },
  module_unavailable: { vi: 'Mô-đun này đang tạm ngừng hoạt động.', en: 'This module is unavailable.' },
  bad_text: {
    vi: 'Dữ liệu gửi lên có ký tự không hợp lệ.',
    en: 'The data contains an invalid character.',
  },
  misdirected: {
    vi: 'Máy chủ không phục vụ địa chỉ này. Hãy mở cổng thông tin bằng địa chỉ chính thức của nó.',
    en: 'This server does not answer for this address. Open the portal at its own address.',
  },
  batch_too_large: {
    vi: 'Một yêu cầu gộp quá nhiều thao tác (tối đa {max}). Hãy chia nhỏ rồi gửi lại.',
    en: 'Too many calls in one batch (at most {max}). Split them and send again.',
  },
  unsupported_type: {
    vi: 'Kiểu dữ liệu gửi lên không được hỗ trợ (cần JSON, hoặc biểu mẫu có tệp).',
    en: 'The request’s content type is not supported (send JSON, or a form with a file).',
  },
  internal: { vi: 'Đã có lỗi hệ thống. Vui lòng thử lại.', en: 'Something went wrong on our side. Please try again.' },
} as const;

export type ErrorCode = keyof typeof texts;

/** The text of `code` in `locale`, `{name}` placeholders filled from `values`. */
export function errorText(code: ErrorCode, locale: Locale, values: Record<string, string | number> = {}): string {
  return texts[code][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Every non-tRPC error answer: `{ "error": { "code", "message", "requestId" } }`, in the caller's language. */
export function jsonError(c: Context, status: ContentfulStatusCode, code: ErrorCode, extra: Record<string, unknown> = {}) {
  const locale = (c.get('locale') as Locale | undefined) ?? 'vi';
  return c.json({ error: { code, message: texts[code][locale], requestId: c.get('requestId') as string, ...extra } }, status);
}

/** The caller's language: `x-dondoc-locale`, then `Accept-Language`; Vietnamese by default. */
export function localeOf(header: (name: string) => string | undefined): Locale {
  const explicit = header('x-dondoc-locale');
  if (explicit === 'en' || explicit === 'vi') return explicit;
  const accept = header('accept-language') ?? '';
  return /^\s*en\b/i.test(accept) ? 'en' : 'vi';
}
