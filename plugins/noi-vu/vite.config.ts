import { fileURLToPath } from 'node:url';
import { definePluginViteConfig } from '@dondoc/plugin-sdk/vite';

/** The module's web build: a federation remote exposing `./plugin`, served at `/plugins/noi-vu/`. */
export default definePluginViteConfig({ id: 'noi-vu', root: fileURLToPath(new URL('.', import.meta.url)) });
