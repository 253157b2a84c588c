import { definePluginUI } from '@dondoc/plugin-sdk/web';
import { ItemsPage } from './ItemsPage.tsx';

/** The fixture module's web side, exposed as `./plugin` and mounted by the shell under `/m/fixture/`. */
export default definePluginUI({
  id: 'fixture',
  routes: [{ path: '', Component: ItemsPage }],
  nav: [{ path: '', label: { vi: 'Mục kiểm thử', en: 'Test items' } }],
});
