import { describe, expect, it } from 'vitest';
import { nationalPhone } from './fields';

describe('nationalPhone', () => {
  it('writes a +86 / 0086 number as it is written at home', () => {
    expect(nationalPhone('+86 755 2666 0001')).toBe('0755 2666 0001');
    expect(nationalPhone('+86-10-12345678')).toBe('010-12345678');
    expect(nationalPhone('(+86) 138 0000 2222')).toBe('138 0000 2222');
    expect(nationalPhone('0086 13800002222')).toBe('13800002222');
    expect(nationalPhone('+86 (0)755 2666 0001')).toBe('(0)755 2666 0001');
    expect(nationalPhone('+86 400 820 8820')).toBe('400 820 8820');
    expect(nationalPhone('+86 95555')).toBe('95555');
  });

  it('leaves alone what it cannot read as a whole number, and numbers without the prefix', () => {
    for (const typed of ['+86 10086', '+861', '+86 1380000111', '0755-2666 0001', '13800001111', '+1 415 555 0100']) expect(nationalPhone(typed)).toBe(typed);
  });
});
