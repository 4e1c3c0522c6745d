import dayjs from 'dayjs';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(localizedFormat);

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
let displayTimeZone = DEFAULT_TIME_ZONE;

/** Times are stored in UTC and shown in the company's time zone. */
export function setDisplayTimeZone(tz: string | undefined): void {
  displayTimeZone = tz || DEFAULT_TIME_ZONE;
}

export function inCompanyZone(value: string | number | Date = Date.now()): dayjs.Dayjs {
  try {
    return dayjs(value).tz(displayTimeZone);
  } catch {
    return dayjs(value);
  }
}

export function formatDateTime(value: string | null | undefined): string {
  return value ? inCompanyZone(value).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(value: string | null | undefined): string {
  return value ? inCompanyZone(value).format('YYYY-MM-DD') : '—';
}

/** A RangePicker day range as UTC instants covering whole days in the company's zone. */
export function dayRangeToIso(range: [dayjs.Dayjs, dayjs.Dayjs] | null): { from?: string; to?: string } {
  if (!range) return {};
  const from = dayjs.tz(range[0].format('YYYY-MM-DD'), displayTimeZone).startOf('day');
  const to = dayjs.tz(range[1].format('YYYY-MM-DD'), displayTimeZone).endOf('day');
  return { from: from.toISOString(), to: to.toISOString() };
}
