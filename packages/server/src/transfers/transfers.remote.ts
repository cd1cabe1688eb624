/**
 * Talking to another Tandem installation: collecting a package with its one-time code, and sending
 * the confirmation of receipt. Only https, unless config.transferAllowHttp (TRANSFER_ALLOW_HTTP=true:
 * tests, development);
 * a time-out and a size cap on every answer. The other installation's routes are session-less but
 * CSRF-protected like every POST, so the token is fetched first.
 */
import { AppError, MAX_TRANSFER_PACKAGE_BYTES } from '@tandem/core';

const TIMEOUT_MS = 15_000;

/** The installation's base address, checked; a clear refusal otherwise. */
export function installationUrl(address: string, allowHttp: boolean): URL {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new AppError('validation', 'bad address', {
      userMessage: 'Enter the sending school’s Tandem address, starting https://',
      fields: [{ path: 'address', message: 'Enter an address starting https://' }],
    });
  }
  const ok = url.protocol === 'https:' || (url.protocol === 'http:' && allowHttp);
  if (!ok || url.username || url.password) {
    throw new AppError('validation', 'address not https', {
      userMessage: 'The sending school’s Tandem address must start https://',
      fields: [{ path: 'address', message: 'The address must start https://' }],
    });
  }
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/api$/, '');
  url.search = '';
  url.hash = '';
  return url;
}

async function readCapped(res: Response, cap: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > cap) throw new Error('too large');
  // Node's fetch body is an async iterable of byte chunks.
  const body = res.body as unknown as AsyncIterable<Uint8Array> | null;
  if (!body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const value of body) {
    size += value.byteLength;
    if (size > cap) throw new Error('too large');
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** POST JSON to another installation's public route; its answer's status and bytes. */
export async function postToInstallation(
  base: URL,
  path: string,
  body: unknown,
): Promise<{ status: number; bytes: Buffer; contentType: string }> {
  const root = base.toString().replace(/\/$/, '');
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  const csrf = await fetch(`${root}/api/auth/csrf`, { signal, redirect: 'error' });
  const cookie = (csrf.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(';')[0])
    .filter((c): c is string => Boolean(c))
    .join('; ');
  const { token } = JSON.parse((await readCapped(csrf, 64 * 1024)).toString('utf8')) as { token: string };
  const res = await fetch(`${root}${path}`, {
    method: 'POST',
    signal,
    redirect: 'error',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie },
    body: JSON.stringify(body),
  });
  const bytes = await readCapped(res, MAX_TRANSFER_PACKAGE_BYTES);
  return { status: res.status, bytes, contentType: res.headers.get('content-type') ?? '' };
}
