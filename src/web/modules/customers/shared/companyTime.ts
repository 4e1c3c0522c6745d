import dayjs from 'dayjs';
import { inCompanyZone } from '../../../app/shared/format';

/**
 * Date-time pickers show and read the browser's clock, while times are shown everywhere else in the
 * company's time zone. These two keep a picker in the company's zone: a sales rep travelling (or a
 * browser set to UTC) enters 09:30 and sees 09:30 in the timeline.
 */

/** Now, as a picker value whose wall-clock is the company's. */
export function companyNow(): dayjs.Dayjs {
  return dayjs(inCompanyZone().format('YYYY-MM-DDTHH:mm:ss'));
}

/** The instant a picker's wall-clock time means in the company's time zone, as an ISO string. */
export function companyWallClockToIso(value: dayjs.Dayjs): string {
  const wall = Date.UTC(value.year(), value.month(), value.date(), value.hour(), value.minute(), value.second());
  const offset = (ms: number) => inCompanyZone(ms).utcOffset() * 60_000;
  // Twice, so a wall-clock next to a daylight-saving change lands on the right side of it.
  const guess = wall - offset(wall);
  return new Date(wall - offset(guess)).toISOString();
}
