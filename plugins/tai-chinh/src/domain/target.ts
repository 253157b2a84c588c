/**
 * The directive-2458 target this module reports on: chỉ tiêu 2458-CT3 (tỷ lệ đơn vị sự nghiệp
 * tự chủ tài chính). The module's own constant; the module declares the target in its manifest
 * (src/server/plugin.ts) and the core creates or updates it when the module loads.
 */
export const AUTONOMY_TARGET_CODE = '2458-CT3';
