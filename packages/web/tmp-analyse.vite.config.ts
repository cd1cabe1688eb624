import fs from 'node:fs';
import base from './vite.config.ts';
import { mergeConfig } from 'vite';
export default mergeConfig(base, {
  build: { outDir: '/tmp/webdist-analyse' },
  plugins: [{
    name: 'sizes',
    generateBundle(_o: unknown, bundle: Record<string, any>) {
      const out: string[] = [];
      for (const [name, c] of Object.entries(bundle)) {
        if (c.type !== 'chunk') continue;
        const mods = Object.entries(c.modules as Record<string, {renderedLength:number}>).sort((a,b)=>b[1].renderedLength-a[1].renderedLength);
        out.push(`== ${name} ${c.code.length} entry=${c.isEntry} imports=${c.imports.join(',')}`);
        for (const [m, i] of mods) if (i.renderedLength > 300) out.push(`   ${i.renderedLength}\t${m.replace('/work/main/','')}`);
      }
      fs.writeFileSync('/tmp/chunks.txt', out.join('\n'));
    },
  }],
});
