import { describe, expect, it } from 'vitest';
import { formatUnits, outboxChartOption, shortenAddresses, shortHash } from './ledger-format.js';

describe('ledger formatting', () => {
  it('formats minor units exactly, without floats', () => {
    expect(formatUnits('150000', 2)).toBe('1,500');
    expect(formatUnits('150075', 2)).toBe('1,500.75');
    expect(formatUnits('150075', 2, { minFraction: 2 })).toBe('1,500.75');
    expect(formatUnits('5', 2, { minFraction: 2 })).toBe('0.05');
    expect(formatUnits('0', 12)).toBe('0');
    expect(formatUnits('1000000000000000000', 12)).toBe('1,000,000');
    expect(formatUnits('1234567890123456789', 12, { maxFraction: 4 })).toBe('1,234,567.8901'); // rounded down, never up
    expect(formatUnits('340282366920938463463374607431768211455', 0)).toBe('340,282,366,920,938,463,463,374,607,431,768,211,455');
    expect(formatUnits('1234567', 3, { group: '\u202f', point: ',' })).toBe('1\u202f234,567');
    expect(formatUnits('not a number', 2)).toBe('not a number');
  });

  it('shortens hashes and addresses', () => {
    expect(shortHash('0x1234567890abcdef1234567890abcdef')).toBe('0x1234…cdef');
    expect(shortHash('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY')).toBe('5Grw…utQY');
    expect(shortHash('0x12')).toBe('0x12');
    expect(shortHash(null)).toBe('—');
    expect(shortenAddresses('funded 5G9TbpkqzJc8P7TF7XDMobmeZc65XU81KCndaWwhqzr2KhSX, 5Dcvy6CAhvqxcqbude6uo1YijkcVvFx1tvUduRbeDHaz7iyU; created asset 1000')).toBe('funded 5G9T…KhSX, 5Dcv…7iyU; created asset 1000');
  });

  it('draws one bar per outbox status in a fixed order', () => {
    const option = outboxChartOption({ pending: 2, signed: 0, broadcast: 0, in_block: 1, finalized: 7, failed: 1 }, (s) => s.toUpperCase()) as {
      yAxis: { data: string[] };
      series: { data: { value: number }[] }[];
    };
    expect(option.yAxis.data).toEqual(['PENDING', 'SIGNED', 'BROADCAST', 'IN_BLOCK', 'FINALIZED', 'FAILED']);
    expect(option.series[0]?.data.map((d) => d.value)).toEqual([2, 0, 0, 1, 7, 1]);
  });
});
