// Runs a command to its end and collects what it printed, without blocking: tests that start
// several command-line tools let them overlap (each spends seconds starting up).
import { spawn } from 'node:child_process';

export interface ProcessOutcome {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

export function runProcess(command: string, args: readonly string[], cwd?: string): Promise<ProcessOutcome> {
  return new Promise((done) => {
    const child = spawn(command, args, cwd ? { cwd } : {});
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => done({ code, out, err }));
  });
}
