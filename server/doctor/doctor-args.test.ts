import { describe, expect, it } from 'vitest';
import { parseDoctorArgs } from './doctor-args.ts';

describe('parseDoctorArgs', () => {
  it('reads --email and --send-test in any order', () => {
    expect(parseDoctorArgs([])).toEqual({ kind: 'run', sendTest: false });
    expect(parseDoctorArgs(['--email', 'ana@example.com', '--send-test'])).toEqual({ kind: 'run', email: 'ana@example.com', sendTest: true });
    expect(parseDoctorArgs(['--send-test', '--email=ana@example.com'])).toEqual({ kind: 'run', email: 'ana@example.com', sendTest: true });
  });

  it('asks for help, or calls anything else wrong', () => {
    expect(parseDoctorArgs(['--help'])).toEqual({ kind: 'help' });
    for (const args of [['--email'], ['--email', '--send-test'], ['--emial', 'x'], ['extra'], ['--email=']]) {
      expect(parseDoctorArgs(args)).toEqual({ kind: 'wrong' });
    }
  });
});
