// The contract's shared builders for human text and dates (src-main/contract/common.ts): every
// channel's schema uses them, so these cases hold for every text and date field of the API.
import { describe, expect, it } from 'vitest';
import { IsoDate, IsoInstant, NoteText, RequiredText, ShortText } from '../../src-main/contract/common.js';

const accepts = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) => schema.safeParse(value).success;

describe('human text', () => {
  it('refuses C0, DEL, C1 and lone surrogates in one-line text, wherever they are', () => {
    for (const control of ['\u0000', '\u0001', '\u001f', '\u007f', '\u0080', '\u0085', '\u009f', '\ud800', '\udfff']) {
      for (const text of [`${control}Amina`, `Am${control}ina`, `Amina${control}`]) expect(accepts(RequiredText(40), text), JSON.stringify(text)).toBe(false);
    }
    // Line breaks and tabs around a name are trimmed away like spaces; inside it they are refused.
    for (const control of ['\n', '\t', '\r', '\u000b']) {
      expect(RequiredText(40).parse(`${control}Amina${control}`)).toBe('Amina');
      expect(accepts(RequiredText(40), `Am${control}ina`), JSON.stringify(control)).toBe(false);
    }
    expect(RequiredText(40).safeParse('\u0000').error?.issues[0]?.message).toMatch(/control characters/);
  });

  it('keeps every script, emoji and the joiners and marks those scripts need', () => {
    for (const text of ['Amina Mohamed', 'Zoë Ngũgĩ', 'محمد\u200cعلی', 'नमस्ते', '\u200fשלום', '👩🏽‍🌾 Farm', 'a\u00a0b']) expect(accepts(ShortText(40), text), text).toBe(true);
  });

  it('lets notes span lines and hold tabs, with CR LF made LF, and still refuses NUL', () => {
    expect(NoteText(100).parse('one\r\ntwo\rthree\n\tfour')).toBe('one\ntwo\nthree\n\tfour');
    expect(accepts(NoteText(100), 'one\u0000two')).toBe(false);
    expect(accepts(NoteText(100), 'x\u0085')).toBe(false);
  });

  it('trims before checking length and emptiness', () => {
    expect(RequiredText(5).parse('  abc  ')).toBe('abc');
    expect(accepts(RequiredText(5), '   ')).toBe(false);
  });
});

describe('dates and instants', () => {
  it('accepts real calendar dates only, leap years included', () => {
    for (const date of ['2024-02-29', '2000-02-29', '1900-01-01', '2199-12-31', '2026-04-30']) expect(accepts(IsoDate, date), date).toBe(true);
    for (const date of ['2025-02-29', '1900-02-29', '2026-04-31', '9999-99-99', '0000-00-00', '2026-13-01', '2026-00-10', '2026-1-1', '2026-01-01T00:00:00Z', ' 2026-01-01'])
      expect(accepts(IsoDate, date), date).toBe(false);
  });

  it('keeps dates and instants within the years 1900 to 2199', () => {
    expect(IsoDate.safeParse('1899-12-31').error?.issues[0]?.message).toBe('Use a year from 1900 to 2199');
    expect(accepts(IsoDate, '2200-01-01')).toBe(false);
    expect(accepts(IsoInstant, '0000-01-01T00:00:00Z')).toBe(false);
    expect(accepts(IsoInstant, '9999-12-31T23:59:59Z')).toBe(false);
  });

  it('accepts real UTC instants only', () => {
    for (const instant of ['2026-04-01T00:00:00Z', '2024-02-29T23:59:59.999Z']) expect(accepts(IsoInstant, instant), instant).toBe(true);
    for (const instant of ['2026-02-30T00:00:00Z', '2026-04-01T24:00:00Z', '2026-04-01T00:60:00Z', '2026-04-01T00:00:00+02:00', '2026-04-01'])
      expect(accepts(IsoInstant, instant), instant).toBe(false);
  });
});
