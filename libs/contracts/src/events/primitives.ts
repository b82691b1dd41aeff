import { z } from 'zod';
import { CODE_MAX, FREE_TEXT_MAX } from './wire-limits';
import { checkIsoInstant, checkLocalDate } from './wire-time';

/**
 * ISO-8601 instant with an explicit offset (Z or ±hh:mm), as DESIGN.md §2 requires: a real
 * calendar date and time, a real offset, a year in range (wire-time.ts says why and how).
 */
export const isoInstant = z.string().superRefine((written, ctx) => {
  const problem = checkIsoInstant(written);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A text of at most `max` characters (NUL and lone surrogates are refused for every text by checkWireValue). */
export const boundedText = (max: number) => z.string().max(max, { message: `must be at most ${max} characters` });

export const code = z
  .string()
  .min(1, { message: 'must not be empty' })
  .max(CODE_MAX, { message: `must be at most ${CODE_MAX} characters` })
  .regex(/^[\p{L}\p{N}._:/-]+$/u, { message: 'may hold letters, digits and . _ : / - only' });

const CHANNEL_CODES: Record<string, 'in-person' | 'online' | 'postal'> = { '1': 'in-person', '2': 'online', '3': 'postal' };

/** Channel by name or by national code 1/2/3; missing means in person (DOMAIN.md §3). */
export const channel = z.preprocess(
  (v) => (v === undefined || v === null ? 'in-person' : (CHANNEL_CODES[String(v)] ?? v)),
  z.enum(['in-person', 'online', 'postal'], { message: 'must be in-person, online or postal (or national code 1, 2, 3)' }),
);

/** A calendar date in Vietnam (YYYY-MM-DD): decision dates, effective dates. */
export const localDate = z.string().superRefine((written, ctx) => {
  const problem = checkLocalDate(written);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** Far above any fee or charge a one-stop system collects; bounds what sums of amounts can reach. */
const MAX_AMOUNT_VND = 1e15;

/** An amount of money in VND (đồng). */
export const amountVnd = z
  .number({ message: 'must be a number of đồng' })
  .finite({ message: 'must be a finite number of đồng' })
  .nonnegative({ message: 'must not be negative' })
  .max(MAX_AMOUNT_VND, { message: 'must be at most 10^15 đồng' });

/** A count of things (components, copies). */
export const positiveCount = z
  .number({ message: 'must be a whole number' })
  .int({ message: 'must be a whole number' })
  .positive({ message: 'must be at least 1' })
  .max(100_000, { message: 'must be at most 100000' });

export const workingDays = z
  .number({ message: 'must be a whole number of working days' })
  .int({ message: 'must be a whole number of working days' })
  .min(0, { message: 'must not be negative' })
  .max(365, { message: 'must be at most 365 working days' });

export const ratingLevel = z.enum(['very-satisfied', 'satisfied', 'unsatisfied'], {
  message: 'must be very-satisfied, satisfied or unsatisfied',
});

export const freeText = boundedText(FREE_TEXT_MAX);
