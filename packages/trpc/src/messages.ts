import type { Locale } from './context.ts';

/** Error texts the API answers with, in the caller's language (Vietnamese first). */
export const messages: Record<
  Locale,
  {
    unauthorized: string;
    forbidden: (permission: string) => string;
    forbiddenUnit: (unitCode: string) => string;
    notFound: (what: string) => string;
    conflict: (who: string) => string;
    internal: (requestId: string) => string;
    invalidInput: string;
    /** tRPC's own refusals of a request it cannot read (its texts are English, and quote the input). */
    badJson: string;
    noProcedure: string;
    methodNotSupported: string;
    unsupportedContentType: string;
    batchInput: string;
  }
> = {
  vi: {
    unauthorized: 'Bạn cần đăng nhập để thực hiện thao tác này.',
    forbidden: (permission) => `Bạn không có quyền thực hiện thao tác này (${permission}).`,
    forbiddenUnit: (unitCode) => `Bạn không có quyền với dữ liệu của đơn vị ${unitCode}.`,
    notFound: (what) => `Không tìm thấy ${what}.`,
    conflict: (who) => `Dữ liệu đã được ${who} thay đổi sau khi bạn mở. Hãy tải lại rồi thử lại.`,
    internal: (requestId) => `Đã có lỗi hệ thống. Vui lòng thử lại. (Mã yêu cầu: ${requestId})`,
    invalidInput: 'Dữ liệu nhập chưa hợp lệ. Hãy kiểm tra các trường được đánh dấu.',
    badJson: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
    noProcedure: 'Không có thao tác này.',
    methodNotSupported: 'Thao tác này không nhận yêu cầu theo cách gửi này (GET cho truy vấn, POST cho thay đổi).',
    unsupportedContentType: 'Kiểu dữ liệu gửi lên không được hỗ trợ.',
    batchInput: 'Dữ liệu của một yêu cầu gộp phải là một đối tượng JSON.',
  },
  en: {
    unauthorized: 'You need to sign in to do this.',
    forbidden: (permission) => `You are not allowed to do this (${permission}).`,
    forbiddenUnit: (unitCode) => `You are not allowed to touch the data of unit ${unitCode}.`,
    notFound: (what) => `${what} not found.`,
    conflict: (who) => `${who} changed this after you opened it. Reload and try again.`,
    internal: (requestId) => `Something went wrong on our side. Please try again. (Request id: ${requestId})`,
    invalidInput: 'Some fields are not valid. Check the marked fields.',
    badJson: 'The request data is not valid JSON.',
    noProcedure: 'No such operation.',
    methodNotSupported: 'This operation does not take requests sent this way (GET for a query, POST for a change).',
    unsupportedContentType: 'The request’s content type is not supported.',
    batchInput: 'The input of a batch request must be a JSON object.',
  },
};
