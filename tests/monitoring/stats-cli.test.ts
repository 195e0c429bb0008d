import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordCommandRun } from '../../src/monitoring/command-usage.js';
import { Telemetry } from '../../src/monitoring/telemetry.js';
import { initJournal, runCli, tempJournal, type TempJournal } from '../helpers/cli.js';

let t: TempJournal;
beforeEach(async () => {
  t = tempJournal();
  await initJournal(t);
  fs.rmSync(path.join(t.dataDir, 'metrics'), { recursive: true, force: true }); // start without the init run's usage
});
afterEach(() => t.cleanup());

const NOW = new Date(2026, 4, 20, 18);

function recordDays(offsets: number[]): void {
  for (const o of offsets) {
    const tel = new Telemetry({ dir: path.join(t.dataDir, 'metrics'), now: () => new Date(2026, 4, 20 - o, 18) });
    tel.recordSession({ words: 250, durationSeconds: 600 });
    tel.recordFeature('write');
    tel.flush();
  }
}

describe('companion stats', () => {
  it('--json shows sessions, words, streaks and feature use', async () => {
    recordDays([0, 1, 2, 5, 6, 7, 8, 9]);
    recordCommandRun({ dir: path.join(t.dataDir, 'metrics'), now: () => NOW, enabled: true, retentionDays: 30 }, 'search', 12);
    const r = await runCli(['stats', '--json'], t.env, { now: NOW });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      firstDay: '2026-05-11',
      lastDay: '2026-05-20',
      daysWritten: 8,
      sessions: 8,
      words: 2000,
      minutesWriting: 80,
      currentStreak: 3,
      longestStreak: 5,
      last30Days: { sessions: 8, words: 2000 },
      features: [{ feature: 'write', uses: 8 }, { feature: 'search', uses: 1 }],
      collecting: true,
    });
  });

  it('human output, and a plain line when nothing was recorded', async () => {
    expect((await runCli(['stats'], t.env, { now: NOW })).stdout).toBe('No usage recorded yet.\n');
    recordDays([0, 1]);
    const r = await runCli(['stats'], t.env, { now: NOW });
    expect(r.stdout).toMatch(/Writing +2 sessions, 500 words on 2 days, 20 minutes/);
    expect(r.stdout).toMatch(/Streak +2 days now, longest 2/);
    expect(r.stdout).toMatch(/ +2 {2}write/);
  });

  it('--export FILE writes the whole document (counts and names only), privately', async () => {
    recordDays([0, 3]);
    const out = path.join(t.dir, 'usage.json');
    const r = await runCli(['stats', '--export', out], t.env, { now: NOW });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(doc.format).toBe('companion-telemetry');
    expect(Object.keys(doc.days)).toEqual(['2026-05-17', '2026-05-20']);
    expect(doc.stats.sessions).toBe(2);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });
});

describe('local only: monitoring never opens a socket', () => {
  const opened: string[] = [];
  const restore: Array<() => void> = [];
  const trap = <T extends object, K extends keyof T>(obj: T, key: K, label: string) => {
    const original = obj[key];
    obj[key] = function trapped(this: unknown, ...args: unknown[]) {
      opened.push(label);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as T[K];
    restore.push(() => { obj[key] = original; });
  };

  beforeAll(() => {
    trap(net.Socket.prototype, 'connect', 'net.Socket#connect');
    trap(net, 'connect', 'net.connect');
    trap(net, 'createConnection', 'net.createConnection');
    trap(tls, 'connect', 'tls.connect');
    trap(http, 'request', 'http.request');
    trap(https, 'request', 'https.request');
    trap(dgram, 'createSocket', 'dgram.createSocket');
    trap(dns, 'lookup', 'dns.lookup');
    trap(globalThis, 'fetch', 'fetch');
  });
  afterAll(() => restore.forEach((r) => r()));

  it('recording, stats, stats --export and health (builtin provider) open no connection of any kind', async () => {
    recordDays([0, 1]);
    recordCommandRun({ dir: path.join(t.dataDir, 'metrics'), now: () => NOW, enabled: true, retentionDays: 30 }, 'list', 3);
    expect((await runCli(['stats', '--json'], t.env, { now: NOW })).code).toBe(0);
    expect((await runCli(['stats', '--export', path.join(t.dir, 'u.json')], t.env, { now: NOW })).code).toBe(0);
    expect((await runCli(['health', '--json'], t.env)).code).toBe(0);
    expect((await runCli(['health', '--prometheus'], t.env)).code).toBe(0);
    expect(opened).toEqual([]);
  });

  it('no monitoring source imports a network module or calls fetch', () => {
    const dir = path.join(import.meta.dirname, '../../src/monitoring');
    const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/from '(node:)?(net|http|https|http2|tls|dgram|dns)'|undici|\bfetch\(|WebSocket/);
    }
  });

  it('the trap works: a real connection attempt is seen', async () => {
    const before = opened.length;
    const s = net.connect({ host: '127.0.0.1', port: 9 });
    s.on('error', () => undefined);
    s.destroy();
    expect(opened.length).toBeGreaterThan(before);
  });
});
