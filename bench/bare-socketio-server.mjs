// The floor for the room fan-out benchmark: a bare Socket.IO server that broadcasts to one room
// on an HTTP request, with nothing else in the path (no auth, no database, no Redis).
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 0);
const http = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/emit') {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const payload = JSON.parse(body);
    io.of('/live').to('room').emit('room:event', payload);
    res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
  });
});
const io = new Server(http, { serveClient: false });
io.of('/live').on('connection', (socket) => {
  socket.on('room:join', (_req, ack) => {
    socket.join('room');
    ack({ ok: true, events: [] });
  });
});
http.listen(port, '127.0.0.1', () => process.send?.({ port: http.address().port }));
