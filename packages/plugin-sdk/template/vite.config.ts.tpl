import { fileURLToPath } from 'node:url';
import { definePluginViteConfig } from '@dondoc/plugin-sdk/vite';

/** The module's web build: a federation remote exposing `./plugin`, served at `/plugins/__PLUGIN_ID__/`. */
export default definePluginViteConfig({ id: '__PLUGIN_ID__', root: fileURLToPath(new URL('.', import.meta.url)) });
