import { addResources, type ResourceTree } from '@dondoc/ui';

/** Texts of the shell (namespace `shell`). Vietnamese is the reference; English has the same keys. */
export const shellVi = {
  signIn: {
    title: 'Đăng nhập',
    intro: 'Cổng theo dõi, đôn đốc thực hiện nhiệm vụ của UBND Thành phố Hà Nội và các sở, ngành, quận, huyện.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    usernameRequired: 'Vui lòng nhập tên đăng nhập.',
    passwordRequired: 'Vui lòng nhập mật khẩu.',
    wrongCredentials: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    throttled: 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ít phút.',
  },
  layout: {
    skipToContent: 'Chuyển đến nội dung chính',
    mainNav: 'Điều hướng chính',
    openNav: 'Mở menu điều hướng',
    closeNav: 'Đóng menu điều hướng',
    signOut: 'Đăng xuất',
    signOutFailed: 'Không đăng xuất được',
    userUnit: 'Đơn vị',
    noUnit: 'Không thuộc đơn vị',
    modules: 'Mô-đun nghiệp vụ',
  },
  nav: {
    home: 'Tổng quan',
  },
  home: {
    greeting: 'Xin chào, {{name}}',
    unit: 'Đơn vị: {{unit}}',
    modulesTitle: 'Các mô-đun bạn có thể mở',
    noModules: 'Hiện chưa có mô-đun nghiệp vụ nào dành cho bạn.',
    open: 'Mở mô-đun {{name}}',
    version: 'Phiên bản {{version}}',
    owner: 'Đơn vị chủ trì: {{unit}}',
    failed: 'Đang gặp sự cố',
  },
  module: {
    loadFailed: 'Không tải được mô-đun {{name}}',
    loading: 'Đang tải mô-đun {{name}}…',
    notListedTitle: 'Không mở được mô-đun',
    notListed: 'Không có mô-đun "{{id}}", hoặc bạn không có quyền mở mô-đun này.',
    serverFailed: 'Mô-đun chưa khởi động được trên máy chủ. Vui lòng liên hệ quản trị hệ thống.',
    noWeb: 'Mô-đun chưa được cài đặt phần giao diện web.',
    entryHttp: 'Không tải được tệp {{url}} (máy chủ trả lời mã {{status}}).',
    entryUnreachable: 'Không kết nối được tới {{url}}.',
    noExport: 'Mô-đun không cung cấp định nghĩa giao diện (default export của ./plugin).',
    wrongId: 'Mô-đun khai báo mã "{{declared}}" thay vì "{{expected}}".',
    noRoutes: 'Định nghĩa giao diện không có danh sách trang (routes) hợp lệ.',
    renderFailed: 'Mô-đun gặp lỗi khi hiển thị: {{message}}',
    pageNotFound: 'Không tìm thấy trang này trong mô-đun.',
    backToModule: 'Về trang đầu của mô-đun',
  },
  notFound: {
    title: 'Không tìm thấy trang',
    text: 'Địa chỉ bạn mở không tồn tại hoặc đã được chuyển đi.',
    back: 'Về trang Tổng quan',
  },
  session: {
    loadFailed: 'Không tải được phiên làm việc',
    pluginsFailed: 'Không tải được danh sách mô-đun',
  },
};

type SameShape<T> = { [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

export const shellEn: SameShape<typeof shellVi> = {
  signIn: {
    title: 'Sign in',
    intro: "The portal in which Hà Nội People's Committee and its departments and districts follow up the tasks of a directive.",
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    usernameRequired: 'Please enter your username.',
    passwordRequired: 'Please enter your password.',
    wrongCredentials: 'Wrong username or password.',
    throttled: 'Too many attempts. Please try again in a few minutes.',
  },
  layout: {
    skipToContent: 'Skip to main content',
    mainNav: 'Main navigation',
    openNav: 'Open the navigation menu',
    closeNav: 'Close the navigation menu',
    signOut: 'Sign out',
    signOutFailed: 'Could not sign out',
    userUnit: 'Unit',
    noUnit: 'No unit',
    modules: 'Department modules',
  },
  nav: {
    home: 'Overview',
  },
  home: {
    greeting: 'Hello, {{name}}',
    unit: 'Unit: {{unit}}',
    modulesTitle: 'Modules you can open',
    noModules: 'There is no department module for you yet.',
    open: 'Open module {{name}}',
    version: 'Version {{version}}',
    owner: 'Owning unit: {{unit}}',
    failed: 'Out of service',
  },
  module: {
    loadFailed: 'Could not load module {{name}}',
    loading: 'Loading module {{name}}…',
    notListedTitle: 'Cannot open this module',
    notListed: 'There is no module "{{id}}", or you are not allowed to open it.',
    serverFailed: 'The module did not start on the server. Please contact the system administrator.',
    noWeb: 'The web part of the module is not installed.',
    entryHttp: 'Could not load {{url}} (the server answered {{status}}).',
    entryUnreachable: 'Cannot reach {{url}}.',
    noExport: 'The module provides no UI definition (default export of ./plugin).',
    wrongId: 'The module declares id "{{declared}}" instead of "{{expected}}".',
    noRoutes: 'The UI definition has no valid list of pages (routes).',
    renderFailed: 'The module failed while rendering: {{message}}',
    pageNotFound: 'This page does not exist in the module.',
    backToModule: "Back to the module's first page",
  },
  notFound: {
    title: 'Page not found',
    text: 'The address you opened does not exist or has moved.',
    back: 'Back to the overview',
  },
  session: {
    loadFailed: 'Could not load your session',
    pluginsFailed: 'Could not load the list of modules',
  },
};

addResources('shell', { vi: shellVi as ResourceTree, en: shellEn as ResourceTree });
