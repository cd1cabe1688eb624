/**
 * Once per browser-test run: build the web app, start a real SMTP server that writes every message
 * it receives into a folder, and start the real Tandem server (embedded database, demo trust) on a
 * free port. Tests get the server's address and the mail folder through `inject`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The running server, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
    /** Each e-mail the server sends lands here as one JSON file (see support/mail.ts). */
    mailDir: string;
    /** Scratch space shared by all test files in this run (see support/totp.ts). */
    stateDir: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '..');
const RESULTS = path.join(ROOT, 'test-results');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The environment for a child process, without what vitest sets for its own workers: NODE_ENV=test
 * would make Vite build React's development bundle, which is not what people get.
 */
function outsideVitest(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'NODE_ENV' || key === 'TEST' || key.startsWith('VITEST')) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

function buildWebApp(): void {
  if (process.env.E2E_SKIP_BUILD === 'true' && fs.existsSync(path.join(ROOT, 'packages/web/dist/index.html'))) {
    console.log('[e2e] E2E_SKIP_BUILD=true: using the existing packages/web/dist');
    return;
  }
  const started = performance.now();
  const result = spawnSync('npm', ['run', 'build', '-w', '@tandem/web'], {
    cwd: ROOT,
    env: outsideVitest({ NODE_ENV: 'production' }),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    throw new Error(`building the web app failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  console.log(`[e2e] web app built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function startSmtp(mailDir: string): Promise<{ server: SMTPServer; port: number }> {
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((parsed) => {
          count += 1;
          const message = {
            receivedAt: new Date().toISOString(),
            from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          };
          // Write then rename, so a reader never sees half a file.
          const name = `${String(count).padStart(4, '0')}-${Date.now()}.json`;
          const tmp = path.join(mailDir, `.${name}.tmp`);
          fs.writeFileSync(tmp, JSON.stringify(message, null, 2));
          fs.renameSync(tmp, path.join(mailDir, name));
          callback();
        })
        .catch((err: unknown) => callback(err as Error));
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { server, port };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${tail(logFile)}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer /api/health within 90 s (${lastError}):\n${tail(logFile)}`);
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      clearTimeout(force);
      resolve();
    }
  });
}

export default async function setup(project: TestProject) {
  buildWebApp();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-e2e-'));
  const dataDir = path.join(tmp, 'data');
  const mailDir = path.join(tmp, 'mail');
  const stateDir = path.join(tmp, 'state');
  for (const dir of [dataDir, mailDir, stateDir]) fs.mkdirSync(dir);
  fs.mkdirSync(RESULTS, { recursive: true });
  const logFile = path.join(RESULTS, 'e2e-server.log');

  const smtp = await startSmtp(mailDir);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  // Browser tests look at the UI, so they always use the embedded database, even in the
  // PostgreSQL run of the suite.
  const env = outsideVitest();
  delete env.DATABASE_URL;
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    TANDEM_DATA_DIR: dataDir,
    TANDEM_DEMO: 'true',
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: 'warn',
    // The single sign-on journey's identity provider runs on plain http in the test (sso.e2e.ts).
    SSO_ALLOW_HTTP_ISSUER: 'true',
  });
  const log = fs.openSync(logFile, 'w');
  // node itself (not npx), so that the PID we stop is the server's own.
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  // If vitest itself is stopped before teardown runs, do not leave the server behind.
  const killOnExit = () => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', killOnExit);

  const cleanUp = async () => {
    await stopServer(child);
    process.off('exit', killOnExit);
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    fs.rmSync(tmp, { recursive: true, force: true });
  };

  try {
    const started = performance.now();
    await waitForHealth(baseUrl, child, logFile);
    const index = await fetch(`${baseUrl}/`);
    const html = await index.text();
    if (!index.ok || !html.includes('id="root"')) {
      throw new Error(`the server does not serve the web app at / (HTTP ${index.status})`);
    }
    console.log(
      `[e2e] server ready at ${baseUrl} in ${((performance.now() - started) / 1000).toFixed(1)} s (log: test-results/e2e-server.log)`,
    );
  } catch (err) {
    await cleanUp();
    throw err;
  }

  project.provide('baseUrl', baseUrl);
  project.provide('mailDir', mailDir);
  project.provide('stateDir', stateDir);

  return cleanUp;
}
