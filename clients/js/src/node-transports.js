// Node transports for quill-signer: Quill's Unix socket (one JSON message per line) and a
// minimal RFC 6455 WebSocket client (Node 20 has no WebSocket; no dependencies allowed).
import net from 'node:net';
import { createHash, randomBytes } from 'node:crypto';

/** Opens Quill's Unix socket. Resolves to a transport; rejects with the socket error. */
export function openUnixSocket(path) {
  return new Promise((resolve, reject) => {
    const sock = net.createConnection({ path });
    const conn = { onmessage: () => {}, onclose: () => {} };
    let buffer = '';
    sock.setEncoding('utf8');
    sock.once('error', reject);
    sock.once('connect', () => {
      sock.off('error', reject);
      sock.on('error', () => {});
      conn.send = (text) => sock.write(`${text}\n`);
      conn.close = () => sock.end();
      sock.on('data', (chunk) => {
        buffer += chunk;
        let i;
        while ((i = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, i).replace(/\r$/, '');
          buffer = buffer.slice(i + 1);
          if (line.trim()) conn.onmessage(line);
        }
      });
      sock.on('close', () => conn.onclose());
      resolve(conn);
    });
  });
}

/** A WebSocket client (text frames, masked, fragments reassembled, ping answered). */
export function openWebSocket(url, origin) {
  const u = new URL(url);
  if (u.protocol !== 'ws:') return Promise.reject(new TypeError(`wsUrl: expected ws://127.0.0.1:PORT, got ${url}`));
  return new Promise((resolve, reject) => {
    const sock = net.createConnection({ host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || 80) });
    const key = randomBytes(16).toString('base64');
    const conn = { onmessage: () => {}, onclose: () => {} };
    let buf = Buffer.alloc(0);
    let open = false;
    let fragments = [];
    sock.once('error', reject);
    sock.once('close', () => { if (!open) reject(new Error('WebSocket closed during the handshake')); });
    sock.once('connect', () => {
      const headers = [`GET ${u.pathname || '/'}${u.search} HTTP/1.1`, `Host: ${u.host}`, 'Upgrade: websocket',
        'Connection: Upgrade', `Sec-WebSocket-Key: ${key}`, 'Sec-WebSocket-Version: 13'];
      if (origin) headers.push(`Origin: ${origin}`);
      sock.write(`${headers.join('\r\n')}\r\n\r\n`);
    });
    const frame = (opcode, payload) => {
      const mask = randomBytes(4);
      const len = payload.length;
      const head = len < 126 ? Buffer.from([0x80 | opcode, 0x80 | len])
        : len < 65536 ? Buffer.from([0x80 | opcode, 0x80 | 126, len >> 8, len & 255])
          : Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(len)); return b; })()]);
      const body = Buffer.from(payload);
      for (let i = 0; i < body.length; i++) body[i] ^= mask[i & 3];
      sock.write(Buffer.concat([head, mask, body]));
    };
    const parseFrames = () => {
      for (;;) {
        if (buf.length < 2) return;
        const fin = (buf[0] & 0x80) !== 0;
        const opcode = buf[0] & 0x0f;
        let len = buf[1] & 0x7f;
        let off = 2;
        if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); off = 4; }
        else if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); off = 10; }
        if (buf[1] & 0x80) off += 4; // servers do not mask; tolerate it anyway
        if (buf.length < off + len) return;
        const payload = buf.subarray(off, off + len);
        buf = buf.subarray(off + len);
        if (opcode === 0x8) { sock.end(); return; }
        if (opcode === 0x9) { frame(0xA, payload); continue; }
        if (opcode === 0xA) continue;
        fragments.push(Buffer.from(payload));
        if (fin) {
          const text = Buffer.concat(fragments).toString('utf8');
          fragments = [];
          conn.onmessage(text);
        }
      }
    };
    sock.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      if (!open) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.subarray(0, end).toString('latin1');
        buf = buf.subarray(end + 4);
        const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
        if (!/^HTTP\/1\.1 101/.test(head) || !head.toLowerCase().includes(`sec-websocket-accept: ${accept.toLowerCase()}`)) {
          sock.destroy();
          reject(new Error(`WebSocket handshake refused: ${head.split('\r\n')[0]}`));
          return;
        }
        open = true;
        sock.off('error', reject);
        sock.on('error', () => {});
        conn.send = (text) => frame(0x1, Buffer.from(text, 'utf8'));
        conn.close = () => { try { frame(0x8, Buffer.from([0x03, 0xe8])); } catch { /* closed */ } sock.end(); };
        sock.on('close', () => conn.onclose());
        resolve(conn);
      }
      parseFrames();
    });
  });
}
