import type * as PdfMakeApi from 'pdfmake';
import { joinStreamWrites } from './join-stream-writes';
import { parseFontsOncePerSession } from './parse-fonts-once';

export type PdfMake = typeof PdfMakeApi;

let loading: Promise<PdfMake> | undefined;

/**
 * pdfmake and its fonts weigh about 3 MB, so they are loaded on first use rather than with the app.
 * The browser build is used everywhere (renderer, Web Worker and Node tests alike): it needs no DOM and
 * no file system, and reads its fonts from the virtual file system filled here. The bundled Roboto
 * covers Latin-1 and more (å ä ö é ü, €, £, the U+2212 minus and U+00A0 that Intl writes).
 */
export function loadPdfMake(): Promise<PdfMake> {
  loading ??= importPdfMake().catch((error: unknown) => {
    loading = undefined; // a failed chunk load may succeed on the next attempt
    throw error;
  });
  return loading;
}

async function importPdfMake(): Promise<PdfMake> {
  const [pdfMakeModule, fontsModule] = await Promise.all([
    import('pdfmake/build/pdfmake.js'),
    import('pdfmake/build/vfs_fonts.js'),
  ]);
  // A CommonJS (UMD) bundle: both Vite and Node hand its exports over as the default export.
  const pdfMake = ((pdfMakeModule as { default?: PdfMake }).default ?? pdfMakeModule) as PdfMake;
  pdfMake.addVirtualFileSystem(fontsModule.default);
  pdfMake.setFonts({
    Roboto: {
      normal: 'Roboto-Regular.ttf',
      bold: 'Roboto-Medium.ttf',
      italics: 'Roboto-Italic.ttf',
      bolditalics: 'Roboto-MediumItalic.ttf',
    },
  });
  // Reports reference no images or fonts by URL: refuse every download rather than fetch anything.
  pdfMake.setUrlAccessPolicy(() => false);
  await parseFontsOncePerSession(pdfMake);
  await joinStreamWrites(pdfMake);
  return pdfMake;
}
