import { apiMethods } from '../../shared/api';
import { base64ToBytes, bytesReplacer, bytesReviver, bytesToBase64 } from './codec';

/**
 * The page-side half of the test bridge, as the source of an init script for
 * page.addInitScript: it defines window.vetbench with one async function per API method
 * (POST /api/<method> on the page's own origin, with the session token) and onProgress over
 * Server-Sent Events, the same shape the Electron preload exposes. Test-only; never shipped.
 */
export function bridgeClientScript(token: string): string {
  return `(() => {
  'use strict';
  const token = ${JSON.stringify(token)};
  const methods = ${JSON.stringify(apiMethods)};
  const bytesToBase64 = ${bytesToBase64.toString()};
  const base64ToBytes = ${base64ToBytes.toString()};
  const bytesReplacer = ${bytesReplacer.toString()};
  const bytesReviver = ${bytesReviver.toString()};

  const failure = (method, message) => ({ ok: false, error: { code: 'INTERNAL', message: method + ': ' + message } });

  async function invoke(method, input) {
    let response;
    try {
      response = await fetch('/api/' + method, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-vetbench-token': token },
        body: JSON.stringify(input === undefined ? {} : input, bytesReplacer),
      });
    } catch (error) {
      return failure(method, 'the test bridge is unreachable (' + error.message + ')');
    }
    const text = await response.text();
    try {
      return JSON.parse(text, bytesReviver);
    } catch {
      return failure(method, 'the test bridge answered ' + response.status + ' with ' + text.slice(0, 200));
    }
  }

  const listeners = new Set();
  let source = null;
  function onProgress(listener) {
    if (typeof listener !== 'function') throw new TypeError('onProgress needs a function');
    listeners.add(listener);
    if (!source) {
      source = new EventSource('/api/events?token=' + encodeURIComponent(token));
      source.addEventListener('progress', (message) => {
        const event = JSON.parse(message.data, bytesReviver);
        for (const l of [...listeners]) l(event);
      });
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source) {
        source.close();
        source = null;
      }
    };
  }

  const api = { onProgress };
  for (const method of methods) api[method] = (input) => invoke(method, input);
  Object.defineProperty(window, 'vetbench', { value: Object.freeze(api), enumerable: true });
})();`;
}
