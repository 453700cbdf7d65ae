import { randomBytes } from 'node:crypto';
import type { ClickHouseClient } from '@clickhouse/client';
import { InputError } from '../data/InputError';
import type { SqlEngine, SqlValue } from './sqlEngine';

/** A ClickHouse database as the workbench names it: `clickhouse://HOST:PORT[,HOST:PORT…]/DATABASE[?cluster=NAME]`. */
export interface ClickHouseUrl {
  /** HTTP endpoints; the first runs the queries, the others are the cluster's other shards (for loading). */
  readonly hosts: readonly { readonly host: string; readonly port: number }[];
  readonly database: string;
  /** The `remote_servers` cluster the tables are sharded over, or null for one server. */
  readonly cluster: string | null;
  /** The URL as recorded (never with credentials). */
  readonly text: string;
}

/** Environment variables holding the credentials (never the command line, never a bundle). */
export const CLICKHOUSE_USER_VARIABLE = 'AWB_CLICKHOUSE_USER';
export const CLICKHOUSE_PASSWORD_VARIABLE = 'AWB_CLICKHOUSE_PASSWORD';

/**
 * Parses an engine URL. Credentials in the URL are refused (they would reach the manifest and the
 * shell history): they come from AWB_CLICKHOUSE_USER and AWB_CLICKHOUSE_PASSWORD.
 * @throws InputError for anything but `clickhouse://host:port[,host:port…]/database[?cluster=name]`.
 * @example parseClickHouseUrl('clickhouse://127.0.0.1:18123,127.0.0.1:18124/awb?cluster=awb').hosts.length // 2
 */
export function parseClickHouseUrl(url: string): ClickHouseUrl {
  const m = /^clickhouse:\/\/([^/?#]+)\/([A-Za-z_][A-Za-z0-9_]*)(?:\?cluster=([A-Za-z_][A-Za-z0-9_]*))?$/.exec(url.trim());
  const expected = 'an engine URL clickhouse://HOST:PORT[,HOST:PORT…]/DATABASE[?cluster=NAME] (credentials from AWB_CLICKHOUSE_USER and AWB_CLICKHOUSE_PASSWORD)';
  if (!m) throw new InputError({ argument: '--engine' }, expected, url.includes('@') ? 'a URL with credentials' : url);
  if (m[1].includes('@')) throw new InputError({ argument: '--engine' }, expected, 'a URL with credentials');
  const hosts = m[1].split(',').map((h) => {
    const hp = /^([A-Za-z0-9.\-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(h);
    if (!hp) throw new InputError({ argument: '--engine' }, expected, url);
    return { host: hp[1], port: Number(hp[2]) };
  });
  const text = `clickhouse://${hosts.map((h) => `${h.host}:${h.port}`).join(',')}/${m[2]}${m[3] ? `?cluster=${m[3]}` : ''}`;
  return { hosts, database: m[2], cluster: m[3] ?? null, text };
}

/** A ClickHouse connection as a study engine, with what loading needs besides. */
export interface ClickHouseEngine extends SqlEngine {
  readonly url: ClickHouseUrl;
  /** Inserts rows given as objects (JSONEachRow) into a table. */
  insertObjects(table: string, rows: readonly Record<string, unknown>[]): Promise<void>;
  /** Inserts a CSV stream (RFC 4180, `\N` for NULL, no header) into a table. */
  insertCsv(table: string, csv: NodeJS.ReadableStream): Promise<void>;
}

/** Settings of every session: inserts into a Distributed table reach the shards before they return; joins give NULL where nothing matches, as in standard SQL. */
const SESSION_SETTINGS = { insert_distributed_sync: 1, join_use_nulls: 1 } as const;

/**
 * Connects to one server of a ClickHouse database through its HTTP interface (the server version
 * Debian ships, 18.16, is enough: no window functions are used), in a session of its own so that
 * the study's temporary tables live as long as the connection.
 * @param host which of the URL's hosts (default the first, which runs the queries)
 * @throws InputError when the server cannot be reached or refuses the credentials.
 */
export async function openClickHouse(url: ClickHouseUrl, host = url.hosts[0]): Promise<ClickHouseEngine> {
  // Loaded here: a command on files does not pay for the client.
  const { ClickHouseLogLevel, createClient } = await import('@clickhouse/client');
  const client: ClickHouseClient = createClient({
    url: `http://${host.host}:${host.port}`,
    username: process.env[CLICKHOUSE_USER_VARIABLE] ?? 'default',
    password: process.env[CLICKHOUSE_PASSWORD_VARIABLE] ?? '',
    session_id: `awb-${randomBytes(8).toString('hex')}`,
    clickhouse_settings: SESSION_SETTINGS as unknown as Record<string, string>,
    request_timeout: 3_600_000,
    // Its warnings about load balancers do not apply to a database reached directly.
    log: { level: ClickHouseLogLevel.ERROR },
  });
  let version: string;
  try {
    const rows = (await (await client.query({ query: 'SELECT version() AS v', format: 'JSONEachRow' })).json()) as { v: string }[];
    version = rows[0].v;
  } catch (error) {
    await client.close();
    throw new InputError({ argument: '--engine' }, `a ClickHouse server answering at ${host.host}:${host.port} (${(error as Error).message.split('\n')[0]})`, url.text);
  }
  const rows = async (sql: string): Promise<Record<string, SqlValue>[]> => {
    const result = await client.query({ query: sql, format: 'JSONEachRow' });
    return (await result.json()) as Record<string, SqlValue>[];
  };
  return {
    dialect: 'clickhouse',
    description: `clickhouse ${version} at ${url.text}`,
    url,
    async run(sql) {
      await client.command({ query: sql });
    },
    rows,
    async integerTable(name, columns, values) {
      await client.command({ query: `CREATE TEMPORARY TABLE IF NOT EXISTS ${name} (${columns.map((c) => `${c} Int64`).join(', ')}) ENGINE = Memory` });
      await client.command({ query: `TRUNCATE TABLE ${name}` }).catch(() => undefined);
      const block = 100_000;
      for (let s = 0; s < values.length; s += block) {
        await client.insert({ table: name, values: values.slice(s, s + block).map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j]]))), format: 'JSONEachRow' });
      }
    },
    async insertObjects(table, objects) {
      if (objects.length > 0) await client.insert({ table, values: [...objects], format: 'JSONEachRow' });
    },
    async insertCsv(table, csv) {
      await client.insert({ table, values: csv as never, format: 'CSV' });
    },
    async close() {
      await client.close();
    },
  };
}
