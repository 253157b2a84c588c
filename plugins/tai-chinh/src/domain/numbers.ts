/** Vietnamese numbers are read by the kit's parser (browser-safe, through the SDK's web entry). */
export { parseVietnameseNumber } from '@dondoc/plugin-sdk/web';
