import { addResources } from '@dondoc/ui';

/** The fixture module's texts (namespace `fixture`). */
export const fixtureVi = {
  title: 'Mục kiểm thử',
  intro: 'Các mục của đơn vị bạn, lưu trong bảng riêng của mô-đun kiểm thử.',
  list: 'Danh sách mục',
  empty: 'Chưa có mục nào.',
  add: 'Thêm mục',
  itemTitle: 'Tiêu đề',
  titleRequired: 'Vui lòng nhập tiêu đề.',
  added: 'Đã thêm mục "{{title}}".',
  createdBy: '{{user}} · {{unit}} · {{date}}',
  loadFailed: 'Không tải được danh sách mục',
  addFailed: 'Không thêm được mục',
};

export const fixtureEn: typeof fixtureVi = {
  title: 'Test items',
  intro: "Your unit's items, stored in the test module's own table.",
  list: 'Items',
  empty: 'No items yet.',
  add: 'Add item',
  itemTitle: 'Title',
  titleRequired: 'Please enter a title.',
  added: 'Item "{{title}}" added.',
  createdBy: '{{user}} · {{unit}} · {{date}}',
  loadFailed: 'Could not load the items',
  addFailed: 'Could not add the item',
};

addResources('fixture', { vi: fixtureVi, en: fixtureEn });
