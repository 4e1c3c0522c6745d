import { describe, expect, it } from 'vitest';
import { labelInSentence } from './formatters';

describe('labelInSentence', () => {
  it('lowers a capitalised first word and leaves names, acronyms and Chinese alone', () => {
    expect(labelInSentence('Customer name')).toBe('customer name');
    expect(labelInSentence('Name')).toBe('name');
    expect(labelInSentence('Return interval')).toBe('return interval');
    expect(labelInSentence('WeChat')).toBe('WeChat');
    expect(labelInSentence('URL')).toBe('URL');
    expect(labelInSentence('SMTP host')).toBe('SMTP host');
    expect(labelInSentence('ID number')).toBe('ID number');
    expect(labelInSentence('客户名称')).toBe('客户名称');
  });
});
