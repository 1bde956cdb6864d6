/**
 * The local web host: serves the built renderer and the backend API to a
 * browser on 127.0.0.1 only, guarded by a per-start random token.
 *
 *   GET  /                      renderer (index.html + assets), strict CSP
 *   POST /api/<method>          JSON args → { ok: true, result } | { ok: false, error, code }
 *   GET  /api/events?token=…    Server-Sent Events: ApiEvent per message
 *   POST /api/upload?name=…     raw file body saved under the uploads folder → { ok, result: { path } }
 *
 * API calls carry the token in the `x-sigtrail-token` header. The Host header
 * must name the loopback address (DNS-rebinding guard) and a browser Origin, when
 * sent, must be this server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep, basename } from 'node:path';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { ApiError, isMethodName, type ApiEvent } from '../../ipc/contract.js';
import type { ApiService } from './service.js';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.map': 'application/json',
};

export interface WebHostOptions {
  service: ApiService;
  rendererDir: string;
  port?: number;
  uploadsDir: string;
  /** Fixed token (tests); default: 24 random bytes, base64url. */
  token?: string;
  maxJsonBytes?: number;
}

export interface WebHost {
  url: string;
  token: string;
  port: number;
  broadcast(e: ApiEvent): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown) {
  const s = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(s);
}

async function readBody(req: IncomingMessage, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    n += c.length;
    if (n > max) throw new ApiError(`request body larger than ${max} bytes`, 'bad-args');
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebHost(o: WebHostOptions): Promise<WebHost> {
  const token = o.token ?? randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const root = resolve(o.rendererDir);
  const clients = new Set<ServerResponse>();
  let port = 0;
  const okToken = (t: string | null | undefined) => {
    if (!t) return false;
    const b = Buffer.from(t);
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: e instanceof Error ? e.message : String(e), code: 'failed' });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421, { 'content-type': 'text/plain' });
      res.end('misdirected request: this workbench only answers on 127.0.0.1\n');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const origin = req.headers.origin;
    if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      send(res, 403, { ok: false, error: 'cross-origin requests are refused', code: 'failed' });
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      const given = url.pathname === '/api/events' ? url.searchParams.get('token') : (req.headers['x-sigtrail-token'] as string | undefined);
      if (!okToken(given)) {
        send(res, 401, { ok: false, error: 'missing or wrong token: open the URL printed by `sigtrail web`', code: 'failed' });
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': sigtrail events\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      if (req.method !== 'POST') {
        send(res, 405, { ok: false, error: 'use POST', code: 'bad-args' });
        return;
      }
      if (url.pathname === '/api/upload') {
        const name = basename(url.searchParams.get('name') ?? '').replace(/[^\w.\-]/g, '_');
        if (!name || name.startsWith('.')) {
          send(res, 400, { ok: false, error: 'upload: give ?name=<file name>', code: 'bad-args' });
          return;
        }
        const dir = join(o.uploadsDir, `${Date.now()}-${randomBytes(4).toString('hex')}`);
        mkdirSync(dir, { recursive: true });
        const path = join(dir, name);
        await pipeline(req, createWriteStream(path));
        send(res, 200, { ok: true, result: { path, size: statSync(path).size } });
        return;
      }
      const method = url.pathname.slice(5);
      if (!isMethodName(method)) {
        send(res, 404, { ok: false, error: `unknown method '${method}'`, code: 'not-found' });
        return;
      }
      try {
        const text = await readBody(req, o.maxJsonBytes ?? 4 * 1024 * 1024);
        let args: unknown = {};
        if (text.trim()) {
          try {
            args = JSON.parse(text);
          } catch {
            throw new ApiError('request body is not JSON', 'bad-args');
          }
        }
        const result = await o.service.dispatch(method, args);
        send(res, 200, { ok: true, result: result ?? null });
      } catch (e) {
        const code = e instanceof ApiError ? e.code : 'failed';
        const status = code === 'bad-args' ? 400 : code === 'not-found' ? 404 : code === 'no-case' ? 409 : code === 'unavailable' ? 501 : 500;
        send(res, status, { ok: false, error: e instanceof Error ? e.message : String(e), code });
      }
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405);
      res.end();
      return;
    }
    let rel = decodeURIComponent(url.pathname);
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found\n');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': file.endsWith('.html') ? 'no-store' : 'max-age=3600',
    };
    if (file.endsWith('.html')) {
      headers['content-security-policy'] = CSP;
      headers['x-frame-options'] = 'DENY';
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(o.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  const ping = setInterval(() => {
    for (const c of clients) c.write(': ping\n\n');
  }, 15000);
  ping.unref();
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    broadcast(e) {
      const line = `data: ${JSON.stringify(e)}\n\n`;
      for (const c of clients) c.write(line);
    },
    async close() {
      clearInterval(ping);
      for (const c of clients) c.end();
      clients.clear();
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await closed;
    },
  };
}
