/**
 * A Vite plugin that writes a brotli (.br) and a gzip (.gz) copy beside every text file of the
 * build, so the server sends compressed files without compressing on each request
 * (@fastify/static's preCompressed), and records the inputs' hash for `npm start` (inputs.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';
import { hashInputs, STAMP_FILE } from './inputs.ts';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 512;

function walk(dir: string, into: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) walk(full, into);
    } else if (COMPRESSIBLE.test(entry.name)) into.push(full);
  }
}

/** Writes file.br and file.gz; a file another build removed meanwhile is left alone. */
async function compressBeside(file: string): Promise<void> {
  try {
    const data = await fs.promises.readFile(file);
    if (data.length < MIN_BYTES) return;
    const br = zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    });
    const gz = zlib.gzipSync(data, { level: zlib.constants.Z_BEST_COMPRESSION });
    await fs.promises.writeFile(`${file}.br`, br);
    await fs.promises.writeFile(`${file}.gz`, gz);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

export function precompress(): Plugin {
  let outDir = '';
  // Hashed before the build reads the sources, so an edit made during the build is not stamped.
  let inputs = '';
  return {
    name: 'tandem-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    buildStart() {
      inputs = hashInputs();
    },
    async closeBundle(error?: Error) {
      // A failed build writes nothing: let its own error be the one reported.
      if (error !== undefined || !fs.existsSync(outDir)) return;
      const files: string[] = [];
      walk(outDir, files);
      await Promise.all(files.map((file) => compressBeside(file)));
      if (path.resolve(outDir) === path.dirname(STAMP_FILE)) fs.writeFileSync(STAMP_FILE, `${inputs}\n`);
    },
  };
}
