import { fileURLToPath } from 'node:url';
import { definePluginViteConfig } from '@dondoc/plugin-sdk/vite';

/** The module's web build: a federation remote exposing `./plugin`, served at `/plugins/khdt/`. */
export default definePluginViteConfig({ id: 'khdt', root: fileURLToPath(new URL('.', import.meta.url)) });
