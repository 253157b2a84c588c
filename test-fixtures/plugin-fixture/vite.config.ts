import { fileURLToPath } from 'node:url';
import { definePluginViteConfig } from '@dondoc/plugin-sdk/vite';

export default definePluginViteConfig({ id: 'fixture', root: fileURLToPath(new URL('.', import.meta.url)) });
