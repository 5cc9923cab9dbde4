// The yardstick: the least a Node HTTP server can do per request. Port from PORT.
import { createServer } from 'node:http';

const body = Buffer.from('hello world');
const server = createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length });
  response.end(body);
});
server.listen(Number(process.env.PORT), '127.0.0.1');

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
