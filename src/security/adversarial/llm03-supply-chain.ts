import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Sandbox } from './sandbox.js';
import { check, type CheckResult, type CliRunner } from './types.js';

/** A minimal GGUF v3 file: header, one metadata key (`general.architecture`), and filler bytes. */
export function minimalGguf(filler: Buffer): Buffer {
  const str = (s: string): Buffer => { const b = Buffer.from(s, 'utf8'); const n = Buffer.alloc(8); n.writeBigUInt64LE(BigInt(b.length)); return Buffer.concat([n, b]); };
  const u32 = (v: number): Buffer => { const b = Buffer.alloc(4); b.writeUInt32LE(v); return b; };
  const u64 = (v: number): Buffer => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(v)); return b; };
  return Buffer.concat([Buffer.from('GGUF', 'latin1'), u32(3), u64(0), u64(1), str('general.architecture'), u32(8), str('llama'), filler]);
}

interface ModelInfoJson { model: { sha256?: string; pinned: string | null; changed: boolean } | null }

/**
 * LLM03 supply chain: `models use` pins the model file's sha256, and a GGUF changed after that is
 * reported as changed by `models info`.
 */
export async function supplyChain(runner: CliRunner): Promise<CheckResult[]> {
  const checks: CheckResult[] = [];
  const box = await Sandbox.create(runner);
  try {
    const modelsDir = path.join(box.dataDir, 'models');
    fs.mkdirSync(modelsDir, { recursive: true, mode: 0o700 });
    const file = path.join(modelsDir, 'suite.gguf');
    fs.writeFileSync(file, minimalGguf(randomBytes(4096)));
    const used = await box.run(['models', 'use', 'suite.gguf']);
    const info = async (): Promise<ModelInfoJson> => {
      const r = await box.run(['models', 'info', '--json']);
      return r.code === 0 ? JSON.parse(r.stdout) as ModelInfoJson : { model: null };
    };
    const before = await info();
    checks.push(check('`models use` pins the file\'s sha256', used.code === 0 && before.model?.pinned !== null && before.model?.pinned === before.model?.sha256 && before.model?.changed === false,
      `use exit ${used.code}; pinned ${before.model?.pinned?.slice(0, 12) ?? 'none'}, file ${before.model?.sha256?.slice(0, 12) ?? '?'}, changed ${String(before.model?.changed)}`));
    const bytes = fs.readFileSync(file);
    const at = bytes.length - 1;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    fs.writeFileSync(file, bytes);
    const after = await info();
    checks.push(check('a GGUF changed after pinning (one byte flipped) is reported as changed', after.model?.changed === true && after.model?.sha256 !== after.model?.pinned,
      `models info --json: changed ${String(after.model?.changed)}, sha256 ${after.model?.sha256?.slice(0, 12) ?? '?'} vs pinned ${after.model?.pinned?.slice(0, 12) ?? 'none'}`));
  } finally {
    box.dispose();
  }
  return checks;
}
