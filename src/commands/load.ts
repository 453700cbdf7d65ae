import { parseClickHouseUrl } from '../engine/clickhouseEngine';
import { loadWarehouse } from '../engine/loadWarehouse';
import { requiredText } from './args';
import { defineCommand } from './command';
import { readOptionsOf, readParams, tableReadingOptions } from './readOptions';

/** `awb load`: validates a data folder and files it in a ClickHouse database, for studies that run there (`--engine`). */
export const loadCommand = defineCommand({
  name: 'load',
  summary: 'Validate a data folder and load it into a ClickHouse database (a Distributed table over MergeTree shards on a cluster), for awb backtest --engine',
  examples: [
    'awb load --engine clickhouse://127.0.0.1:18123/awb --data data/sample',
    'awb load --engine clickhouse://127.0.0.1:18123,127.0.0.1:18124/awb?cluster=awb --data data/sample --json',
  ],
  files: false,
  configure: (c) =>
    tableReadingOptions(c)
      .requiredOption('--engine <url>', 'clickhouse://HOST:PORT[,HOST:PORT…]/DB[?cluster=NAME]: one HTTP endpoint per shard (credentials from AWB_CLICKHOUSE_USER, AWB_CLICKHOUSE_PASSWORD)')
      .requiredOption('--data <dir>', 'the data folder to load (every table it holds)'),
  parse: (o) => ({ engine: parseClickHouseUrl(requiredText(o, 'engine', 'an engine URL')).text, data: requiredText(o, 'data', 'a data folder'), ...readParams(o) }),
  run: async (p, { progress, lang = 'en' }) => {
    const summary = await loadWarehouse(parseClickHouseUrl(p.engine), p.data, readOptionsOf(p), progress);
    const width = Math.max(...summary.tables.map((t) => t.table.length));
    return {
      json: { ...summary },
      text:
        lang === 'zh'
          ? [
              `已将 ${p.data} 载入 ${summary.engine}${summary.cluster ? `（集群 ${summary.cluster}：各分片上的 MergeTree 表及其上的 Distributed 表）` : ''}：`,
              ...summary.tables.map((t) => `  ${t.table.padEnd(width)}  ${String(t.rows).padStart(10)} 行  ${t.checksum}`),
              '在该库上运行研究请使用 --engine（awb backtest --engine URL …）。',
            ].join('\n')
          : [
              `Loaded ${p.data} into ${summary.engine}${summary.cluster ? ` (cluster ${summary.cluster}: a Distributed table over a MergeTree on each shard)` : ''}:`,
              ...summary.tables.map((t) => `  ${t.table.padEnd(width)}  ${String(t.rows).padStart(10)} rows  ${t.checksum}`),
              'Run studies there with --engine (awb backtest --engine URL …).',
            ].join('\n'),
      inputs: [],
    };
  },
});
