// The stand-in Bot Connector in a process of its own, so the bench's load client never delays the
// bot's outbound replies: prints its port on one line, then serves until it is stopped.
import type { AddressInfo } from 'node:net';
import { standInConnector } from './loopbackTools';

void standInConnector().then((server) => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
});
