import { lazy } from 'react';
import { definePluginUI } from '@dondoc/plugin-sdk/web';
import { ItemsPage } from './ItemsPage.tsx';

/** The fixture module's web side, exposed as `./plugin` and mounted by the shell under `/m/fixture/`. */
export default definePluginUI({
  id: 'fixture',
  routes: [
    { path: '', Component: ItemsPage },
    // Its own chunk: the stale-chunk e2e test fails its download.
    { path: 'sau', Component: lazy(() => import('./LaterPage.tsx')) },
  ],
  nav: [{ path: '', label: { vi: 'Mục kiểm thử', en: 'Test items' } }],
});
