// The test-only stand-in for Electron's main process: it serves the built renderer and the
// engine's dispatcher over loopback HTTP, so Playwright can drive the real UI against the
// real engine in a plain Chromium. Lives under test/ and is never shipped.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { ApiResult } from '../../shared/api';
import { Workstation } from '../../electron/engine/workstation';
import { decodeJson, encodeJson } from './codec';

/** The CSP the app is served with in Electron; the tests hold the UI to the same rules. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

// Evidence travels as base64 inside JSON; leave room for the engine's own size limit to be
// what refuses a big file, not the transport.
const MAX_BODY_BYTES = 512 * 1024 * 1024;

export interface BridgeOptions {
  vaultDir: string;
  rendererDir: string;
  kdfCost?: 'test';
  maxImportBytes?: number;
}

export interface Bridge {
  url: string;
  token: string;
  workstation: Workstation;
  /** How many pages are listening for progress events (lets tests wait for the stream). */
  openEventStreams(): number;
  close(): Promise<void>;
}

const sameSecret = (given: string | undefined, expected: Buffer): boolean => {
  if (typeof given !== 'string') return false;
  const buffer = Buffer.from(given, 'utf8');
  return buffer.length === expected.length && timingSafeEqual(buffer, expected);
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = encodeJson(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Maps a URL path to a file inside root, or null when it would leave root. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(join(base, relative));
  return file === base || !file.startsWith(base + sep) ? null : file;
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const rendererDir = resolve(options.rendererDir);
  const token = randomBytes(32).toString('hex');
  const tokenBuffer = Buffer.from(token, 'utf8');
  const workstation = new Workstation({
    vaultDir: options.vaultDir,
    kdfCost: options.kdfCost,
    maxImportBytes: options.maxImportBytes,
    onInternalError: (method, error) => console.error(`[bridge] ${method} failed:`, error),
  });
  const streams = new Set<ServerResponse>();

  const serveStatic = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'method not allowed');
    const file = resolveStaticPath(rendererDir, pathname);
    if (!file) return sendText(res, 404, 'not found');
    let body: Buffer;
    try {
      if (!(await stat(file)).isFile()) return sendText(res, 404, 'not found');
      body = await readFile(file);
    } catch {
      return sendText(res, 404, 'not found');
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': body.length,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const serveEvents = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (!sameSecret(url.searchParams.get('token') ?? undefined, tokenBuffer)) return sendText(res, 403, 'forbidden');
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = workstation.onProgress((event) => {
      res.write(`event: progress\ndata: ${encodeJson(event)}\n\n`);
    });
    req.on('close', () => {
      unsubscribe();
      streams.delete(res);
    });
  };

  const serveApi = async (req: IncomingMessage, res: ServerResponse, method: string) => {
    if (req.method !== 'POST') return sendText(res, 405, 'method not allowed');
    if (!sameSecret(req.headers['x-vetbench-token'] as string | undefined, tokenBuffer)) {
      return sendJson(res, 403, {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Missing or wrong bridge token.' },
      } satisfies ApiResult<never>);
    }
    let input: unknown;
    try {
      const text = await readBody(req);
      input = text.trim() === '' ? {} : decodeJson(text);
    } catch (error) {
      return sendJson(res, 400, {
        ok: false,
        error: {
          code: 'BAD_INPUT',
          message: `${method}: the request body is not valid JSON (${(error as Error).message}).`,
        },
      } satisfies ApiResult<never>);
    }
    sendJson(res, 200, await workstation.dispatch(method, input));
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handle = async () => {
      if (url.pathname === '/api/events') return serveEvents(req, res, url);
      if (url.pathname.startsWith('/api/')) return serveApi(req, res, decodeURIComponent(url.pathname.slice(5)));
      return serveStatic(req, res, url.pathname);
    };
    handle().catch((error: unknown) => {
      console.error('[bridge] request failed:', error);
      if (!res.headersSent) sendText(res, 500, 'internal error');
      else res.destroy();
    });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    workstation,
    openEventStreams: () => streams.size,
    close: async () => {
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      workstation.close();
    },
  };
}
