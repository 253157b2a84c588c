/**
 * The directive-2458 target this module reports on: chỉ tiêu 2458-CT3 (tỷ lệ đơn vị sự nghiệp
 * tự chủ tài chính). The module's own constant; the core still seeds the target with the
 * directive for now.
 */
export const AUTONOMY_TARGET_CODE = '2458-CT3';
