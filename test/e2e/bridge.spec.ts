import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../bridge/server';
import { decodeJson, encodeJson } from '../bridge/codec';
import { expect, test } from './fixtures';

// The test bridge stands in for Electron's main process; it must not be a hole either:
// loopback only, a token on every API call, nothing served from outside the renderer.

/** A raw request, so paths like /../ reach the server exactly as written. */
function rawRequest(
  url: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const req = httpRequest(
      { hostname, port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', fail);
    req.end(options.body);
  });
}

test('serves the renderer with the CSP and nothing outside it', async ({ bridge }) => {
  expect(new URL(bridge.url).hostname).toBe('127.0.0.1');
  const index = await rawRequest(bridge.url, '/');
  expect(index.status).toBe(200);
  expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(index.body).toContain('<div id="root">');

  const script = index.body.match(/src="\.\/(assets\/[^"]+\.js)"/)?.[1];
  expect(script).toBeTruthy();
  const js = await rawRequest(bridge.url, `/${script}`);
  expect(js.status).toBe(200);
  expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');

  for (const path of [
    '/../package.json',
    '/..%2f..%2fpackage.json',
    '/%2e%2e/%2e%2e/package.json',
    '/assets/../../../package.json',
    '/%00',
    '/nope.js',
  ]) {
    const res = await rawRequest(bridge.url, path);
    expect(res.status, path).toBe(404);
    expect(res.body, path).not.toContain('"name": "vetbench"');
  }
});

test('the API needs the token and speaks the $bytes codec', async ({ bridge }) => {
  const call = (method: string, input: unknown, token?: string) =>
    rawRequest(bridge.url, `/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { 'x-vetbench-token': token } : {}) },
      body: encodeJson(input),
    });

  expect((await call('getVaultStatus', {})).status).toBe(403);
  expect((await call('getVaultStatus', {}, 'f'.repeat(64))).status).toBe(403);
  expect((await rawRequest(bridge.url, '/api/events?token=wrong')).status).toBe(403);

  const status = await call('getVaultStatus', {}, bridge.token);
  expect(status.status).toBe(200);
  expect(decodeJson(status.body)).toMatchObject({ ok: true, value: { exists: false, unlocked: false } });

  const unknown = decodeJson((await call('dropTables', {}, bridge.token)).body);
  expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });

  // Bytes survive the trip: import a file through raw JSON and read its hash back.
  const created = decodeJson(
    (await call('createVault', { reviewer: 'Bridge Test', passphrase: 'granite lantern orbit velvet' }, bridge.token))
      .body,
  );
  expect(created).toMatchObject({ ok: true });
  const kase = decodeJson((await call('createCase', { name: 'Codec' }, bridge.token)).body) as {
    value: { id: string };
  };
  const bytes = new TextEncoder().encode('Plain UTF-8 text: åäö — ✓\n');
  const imported = decodeJson(
    (
      await call(
        'importFiles',
        { caseId: kase.value.id, files: [{ name: 'note.txt', sizeBytes: bytes.length, bytes }] },
        bridge.token,
      )
    ).body,
  ) as { ok: boolean; value: Array<{ status: string; evidence: { sha256: string; sizeBytes: number } }> };
  expect(imported.value[0]).toMatchObject({ status: 'imported', evidence: { sizeBytes: bytes.length } });
  expect(imported.value[0]!.evidence.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
});
