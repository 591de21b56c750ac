// The stand-in process (component sendgrid-standin in deploy/local/stack.sh).
import { buildStandin } from './app.js';
import { readConfig } from './config.js';
import { loadMailSendValidator } from './validation.js';

const config = readConfig();
const app = await buildStandin({
  validator: await loadMailSendValidator(config.SENDGRID_SPEC_PATH),
  mailpitUrl: config.MAILPIT_URL,
  logger: { name: 'sendgrid-standin', level: config.LOG_LEVEL },
});
await app.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
