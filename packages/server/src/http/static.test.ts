/**
 * The web app as a browser on a school's network receives it: compressed copies made at build
 * time, hashed files cached for a year, index.html checked every time. The test builds a tiny
 * dist folder of its own, so it never depends on a web build.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/harness';

const SCRIPT = `console.log(${JSON.stringify('Tandem '.repeat(200))});\n`;
const PAGE = `<!doctype html><html lang="en-GB"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${'<p>Tandem</p>'.repeat(60)}</body></html>\n`;

let env: TestEnv;
let dist: string;

function write(file: string, text: string, compressed: boolean): void {
  const full = path.join(dist, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  if (!compressed) return;
  fs.writeFileSync(`${full}.br`, zlib.brotliCompressSync(text));
  fs.writeFileSync(`${full}.gz`, zlib.gzipSync(text));
}

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-dist-'));
  write('index.html', PAGE, true);
  write('assets/index-Ab12Cd34.js', SCRIPT, true);
  write('assets/tiny-Ef56Gh78.js', 'export {};\n', false);
  write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', false);
  write('sw.js', `self.addEventListener('install', () => undefined);\n${'// precache\n'.repeat(60)}`, true);
  write('manifest.webmanifest', '{"name":"Tandem"}', false);
  write('.build-inputs', 'abc\n', false);
  env = await createTestEnv({ webDistDir: dist });
});

afterAll(async () => {
  await env.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  env.app.inject({
    method: 'GET',
    url,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });

describe('serving the web app', () => {
  it('sends a hashed script as brotli when the browser accepts it, cached for a year', async () => {
    const res = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
    expect(res.rawPayload.length).toBeLessThan(SCRIPT.length / 5);
  });

  it('sends gzip to a browser that does not accept brotli, and the plain file to one that accepts neither', async () => {
    const gz = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-Ab12Cd34.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('sends a hashed file too small to compress as it is, still cached for a year', async () => {
    const res = await get('/assets/tiny-Ef56Gh78.js', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('never lets a browser keep index.html without asking, at / or at any page address', async () => {
    for (const url of ['/', '/index.html', '/schools/123/concerns/new']) {
      const res = await get(url, 'br, gzip');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(zlib.brotliDecompressSync(res.rawPayload).toString(), url).toBe(PAGE);
    }
    const plain = await get('/schools/123/concerns/new');
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(plain.body).toBe(PAGE);
  });

  it('never lets a browser keep the service worker or the web app manifest without asking', async () => {
    const sw = await get('/sw.js', 'br, gzip');
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['content-type']).toMatch(/javascript/);
    expect(sw.headers['cache-control']).toBe('no-cache');
    const manifest = await get('/manifest.webmanifest');
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/manifest\+json|json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
  });

  it('keeps files without a hash in their name for an hour only', async () => {
    const res = await get('/favicon.svg');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('does not serve the build stamp, and the API still answers JSON 404s', async () => {
    const stamp = await get('/.build-inputs');
    expect(stamp.body).not.toContain('abc');
    const api = await get('/api/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/json/);
  });
});
