import { type DateTime, type DayNumber, dayOfDateTime } from '../data/dates';

/**
 * When a sale's recording was made, against the rule that it is made while the application is
 * filled in (保监消保〔2017〕265号 一、录制时点): on the application day, on an earlier day, after
 * the application day, or even after the policy was issued.
 */
export type RecordingTiming = 'at_application' | 'before_application' | 'after_application' | 'after_issue';

/** Timings that are late: the recording was made after the application day. */
export const LATE_TIMINGS: readonly RecordingTiming[] = ['after_application', 'after_issue'];

/**
 * The timing of a recording, by calendar day (the application date has no time of day).
 * @param started when the recording system logged its start
 * @example recordingTiming(parseDateTimeText('2025-10-09 16:20')!, parseDayText('2025-10-08')!, parseDayText('2025-10-15')!) // 'after_application'
 */
export function recordingTiming(started: DateTime, application: DayNumber, issue: DayNumber): RecordingTiming {
  const day = dayOfDateTime(started);
  if (day > issue) return 'after_issue';
  if (day > application) return 'after_application';
  return day < application ? 'before_application' : 'at_application';
}
