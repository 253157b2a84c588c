import { fileURLToPath } from 'node:url';
import { definePluginViteConfig } from '@dondoc/plugin-sdk/vite';

/** The module's web build: a federation remote exposing `./plugin`, served at `/plugins/tai-chinh/`. */
export default definePluginViteConfig({ id: 'tai-chinh', root: fileURLToPath(new URL('.', import.meta.url)) });
