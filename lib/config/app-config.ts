/**
 * The application's configuration (API, workers, database, engine addresses), read from the environment and
 * validated at start: every bad value is reported with what is expected.
 */
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

const schema = z.object({
  APP_PORT: port.default(3000),
  APP_HOST: z.string().min(1).default('127.0.0.1'),
  APP_DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|mysql:\/\/|mariadb:\/\/)/, 'sqlite:<path> or mysql://user:pass@host:port/db')
    .default('sqlite:./data/app.db'),
  /** Signs login tokens; without it a random secret is made at start (tokens then end with the process). */
  APP_AUTH_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  APP_TOKEN_TTL_HOURS: z.coerce.number().positive().default(12),
  ZEEBE_GRPC_ADDRESS: z.string().default('grpc://127.0.0.1:26500'),
  ZEEBE_REST_ADDRESS: z.string().url().default('http://127.0.0.1:8080'),
  /** How notifications leave the system: `log` writes them to the log only; `webhook` POSTs them as JSON. */
  NOTIFY_ADAPTER: z.enum(['log', 'webhook']).default('log'),
  NOTIFY_WEBHOOK_URL: z.string().url().optional(),
});

export type AppConfig = z.infer<typeof schema>;

export function readAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  if (result.data.NOTIFY_ADAPTER === 'webhook' && !result.data.NOTIFY_WEBHOOK_URL)
    throw new Error('invalid configuration:\n  NOTIFY_WEBHOOK_URL: required when NOTIFY_ADAPTER=webhook');
  return result.data;
}
