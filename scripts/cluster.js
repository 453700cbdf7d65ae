#!/usr/bin/env node
'use strict';
/**
 * A two-shard ClickHouse cluster of two local server processes, for the tests and CI
 * (`npm run cluster -- start|stop|status`). Shard 1 listens on 127.0.0.1:18123 (HTTP) and 19000
 * (native), shard 2 on 18124 and 19001; both know the cluster `awb` of the two. Data, logs and the
 * generated configuration live under a temporary folder (AWB_CLUSTER_DIR, default
 * $TMPDIR/awb-clickhouse-cluster), removed by `stop`. Loopback addresses only.
 *
 * Needs clickhouse-server from Debian (`apt-get install clickhouse-server clickhouse-client`).
 * Point the workbench at it with `--engine clickhouse://127.0.0.1:18123/awb`.
 */
const { spawn, execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, openSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const http = require('node:http');

const DIR = process.env.AWB_CLUSTER_DIR ?? join(tmpdir(), 'awb-clickhouse-cluster');
const SHARDS = [
  { http: 18123, tcp: 19000, interserver: 19009 },
  { http: 18124, tcp: 19001, interserver: 19010 },
];

function configXml(shard, index) {
  const root = join(DIR, `shard${index + 1}`);
  const replicas = SHARDS.map((s) => `      <shard><replica><host>127.0.0.1</host><port>${s.tcp}</port></replica></shard>`).join('\n');
  return `<?xml version="1.0"?>
<yandex>
  <logger>
    <level>warning</level>
    <log>${root}/log/server.log</log>
    <errorlog>${root}/log/error.log</errorlog>
    <size>10M</size>
    <count>2</count>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${shard.http}</http_port>
  <tcp_port>${shard.tcp}</tcp_port>
  <interserver_http_port>${shard.interserver}</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <max_connections>256</max_connections>
  <keep_alive_timeout>3</keep_alive_timeout>
  <max_concurrent_queries>64</max_concurrent_queries>
  <uncompressed_cache_size>1073741824</uncompressed_cache_size>
  <mark_cache_size>536870912</mark_cache_size>
  <path>${root}/data/</path>
  <tmp_path>${root}/tmp/</tmp_path>
  <user_files_path>${root}/user_files/</user_files_path>
  <format_schema_path>${root}/format_schemas/</format_schema_path>
  <users_config>${root}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
  <remote_servers>
    <awb>
${replicas}
    </awb>
  </remote_servers>
  <macros><shard>${index + 1}</shard></macros>
  <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
  <max_session_timeout>3600</max_session_timeout>
  <default_session_timeout>60</default_session_timeout>
</yandex>
`;
}

const USERS_XML = `<?xml version="1.0"?>
<yandex>
  <profiles>
    <default>
      <max_memory_usage>8000000000</max_memory_usage>
      <load_balancing>random</load_balancing>
    </default>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`;

function ping(port) {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/ping', timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
  });
}

const statePath = join(DIR, 'state.json');

function serverBinary() {
  for (const candidate of ['/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server']) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('sh', ['-c', 'command -v clickhouse-server'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('cluster: clickhouse-server is not installed (apt-get install clickhouse-server clickhouse-client)');
  }
}

async function start() {
  if (await ping(SHARDS[0].http)) {
    console.log(`cluster: already running (http://127.0.0.1:${SHARDS[0].http}, http://127.0.0.1:${SHARDS[1].http})`);
    return;
  }
  const binary = serverBinary();
  rmSync(DIR, { recursive: true, force: true });
  const pids = [];
  SHARDS.forEach((shard, index) => {
    const root = join(DIR, `shard${index + 1}`);
    for (const sub of ['data', 'tmp', 'user_files', 'format_schemas', 'log']) mkdirSync(join(root, sub), { recursive: true });
    writeFileSync(join(root, 'config.xml'), configXml(shard, index));
    writeFileSync(join(root, 'users.xml'), USERS_XML);
    const out = openSync(join(root, 'log', 'stdout.log'), 'a');
    const child = spawn(binary, [`--config-file=${join(root, 'config.xml')}`], { cwd: root, detached: true, stdio: ['ignore', out, out] });
    child.unref();
    pids.push(child.pid);
  });
  writeFileSync(statePath, JSON.stringify({ pids, shards: SHARDS }, null, 2));
  for (const shard of SHARDS) {
    let up = false;
    for (let i = 0; i < 120 && !up; i++) {
      up = await ping(shard.http);
      if (!up) await new Promise((r) => setTimeout(r, 250));
    }
    if (!up) throw new Error(`cluster: the server on port ${shard.http} did not start; see ${DIR}`);
  }
  console.log(`cluster: started two shards (http://127.0.0.1:${SHARDS[0].http}, http://127.0.0.1:${SHARDS[1].http}; cluster "awb"), data under ${DIR}`);
}

async function stop() {
  if (!existsSync(statePath)) {
    console.log('cluster: not running');
    return;
  }
  const { pids } = JSON.parse(readFileSync(statePath, 'utf8'));
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  for (let i = 0; i < 80; i++) {
    const alive = pids.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    if (alive.length === 0) break;
    if (i === 60) alive.forEach((pid) => process.kill(pid, 'SIGKILL'));
    await new Promise((r) => setTimeout(r, 250));
  }
  rmSync(DIR, { recursive: true, force: true });
  console.log('cluster: stopped');
}

/** Prints each shard's state; exits 1 unless both are up (the tests' check for a cluster). */
async function status() {
  let up = 0;
  for (const shard of SHARDS) {
    const ok = await ping(shard.http);
    if (ok) up += 1;
    console.log(`shard on ${shard.http}: ${ok ? 'up' : 'down'}`);
  }
  if (up < SHARDS.length) process.exitCode = 1;
}

const action = process.argv[2];
const actions = { start, stop, status };
if (!actions[action]) {
  console.error('usage: npm run cluster -- start|stop|status');
  process.exit(2);
}
actions[action]().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
