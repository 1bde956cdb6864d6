/** The web host's guards: loopback only, token on every API call, Host/Origin checks, CSP, static files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiService } from '../../shared/node/api/service.js';
import { startWebHost } from '../../shared/node/api/web-server.js';

function raw(port: number, path: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((ok, fail) => {
    const r = request({ host: '127.0.0.1', port, path, method: o.method ?? 'GET', headers: o.headers }, (res) => {
      let b = '';
      res.on('data', (d) => (b += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: b }));
    });
    r.on('error', fail);
    if (o.body) r.write(o.body);
    r.end();
  });
}

test('web host: token, loopback Host, Origin, CSP, static files, SSE and uploads', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-web-'));
  const rdir = join(dir, 'renderer');
  mkdirSync(join(rdir, 'assets'), { recursive: true });
  writeFileSync(join(rdir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(rdir, 'assets', 'a.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'no');
  const service = createApiService({ host: 'web', stateDir: join(dir, 'state'), casesDir: join(dir, 'cases') });
  const host = await startWebHost({ service, rendererDir: rdir, uploadsDir: join(dir, 'up') });
  const p = host.port;
  const H = { host: `127.0.0.1:${p}` };
  try {
    assert.match(host.url, new RegExp(`^http://127\\.0\\.0\\.1:${p}/\\?token=[\\w-]{20,}$`));
    const idx = await raw(p, '/', { headers: H });
    assert.equal(idx.status, 200);
    assert.match(String(idx.headers['content-security-policy']), /default-src 'self'; script-src 'self'/);
    assert.equal((await raw(p, '/assets/a.js', { headers: H })).headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal((await raw(p, '/../secret.txt', { headers: H })).status, 404);
    assert.equal((await raw(p, '/%2e%2e/secret.txt', { headers: H })).status, 404);
    assert.equal((await raw(p, '/', { headers: { host: `evil.example:${p}` } })).status, 421, 'DNS-rebinding guard');

    const json = { 'content-type': 'application/json', ...H };
    const noTok = await raw(p, '/api/appInfo', { method: 'POST', headers: json, body: '{}' });
    assert.equal(noTok.status, 401);
    const bad = await raw(p, '/api/appInfo', { method: 'POST', headers: { ...json, 'x-sigtrail-token': host.token + 'x' }, body: '{}' });
    assert.equal(bad.status, 401);
    const tok = { ...json, 'x-sigtrail-token': host.token };
    const ok = await raw(p, '/api/appInfo', { method: 'POST', headers: tok, body: '{}' });
    assert.equal(ok.status, 200);
    assert.equal((JSON.parse(ok.body) as { result: { host: string } }).result.host, 'web');
    const cross = await raw(p, '/api/appInfo', { method: 'POST', headers: { ...tok, origin: 'http://evil.example' }, body: '{}' });
    assert.equal(cross.status, 403);
    const badArgs = await raw(p, '/api/caseOpen', { method: 'POST', headers: tok, body: '{"path":1}' });
    assert.equal(badArgs.status, 400);
    assert.match(badArgs.body, /caseOpen\.path: expected non-empty string/);
    assert.equal((await raw(p, '/api/nope', { method: 'POST', headers: tok, body: '{}' })).status, 404);
    assert.equal((await raw(p, '/api/overview', { method: 'POST', headers: tok, body: '{}' })).status, 409, 'no case open');
    assert.equal((await raw(p, '/api/appInfo', { method: 'POST', headers: tok, body: 'not json' })).status, 400);

    const up = await raw(p, '/api/upload?name=../../x.pcap', { method: 'POST', headers: { ...H, 'x-sigtrail-token': host.token }, body: 'abc' });
    const upPath = (JSON.parse(up.body) as { result: { path: string } }).result.path;
    assert.ok(upPath.startsWith(join(dir, 'up')) && upPath.endsWith('x.pcap'), upPath);
    assert.equal(readFileSync(upPath, 'utf8'), 'abc');

    // SSE: events reach subscribers that hold the token.
    assert.equal((await raw(p, '/api/events', { headers: H })).status, 401);
    const got = await new Promise<string>((resolve, reject) => {
      const r = request({ host: '127.0.0.1', port: p, path: `/api/events?token=${host.token}`, headers: H }, (res) => {
        let b = '';
        res.on('data', (d) => {
          b += d;
          if (b.includes('data: ')) {
            resolve(b);
            r.destroy();
          }
        });
        setTimeout(() => host.broadcast({ type: 'case', info: null }), 100);
      });
      r.on('error', (e) => (String(e).includes('socket hang up') ? undefined : reject(e)));
      r.end();
    });
    assert.match(got, /data: \{"type":"case","info":null\}/);
  } finally {
    await host.close();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
