import { z } from 'zod';

/** ISO-8601 instant with an explicit offset (Z or ±hh:mm), as DESIGN.md §2 requires. */
export const isoInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'must be an ISO-8601 date-time with an offset, e.g. 2025-03-04T08:30:00+07:00',
  })
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'is not a real date-time' });

export const code = z
  .string()
  .min(1, { message: 'must not be empty' })
  .max(100, { message: 'must be at most 100 characters' })
  .regex(/^[\p{L}\p{N}._:/-]+$/u, { message: 'may hold letters, digits and . _ : / - only' });

const CHANNEL_CODES: Record<string, 'in-person' | 'online' | 'postal'> = { '1': 'in-person', '2': 'online', '3': 'postal' };

/** Channel by name or by national code 1/2/3; missing means in person (DOMAIN.md §3). */
export const channel = z.preprocess(
  (v) => (v === undefined || v === null ? 'in-person' : (CHANNEL_CODES[String(v)] ?? v)),
  z.enum(['in-person', 'online', 'postal'], { message: 'must be in-person, online or postal (or national code 1, 2, 3)' }),
);

/** A calendar date in Vietnam (YYYY-MM-DD): decision dates, effective dates. */
export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD, e.g. 2025-03-04' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { message: 'is not a real calendar date' });

/** An amount of money in VND (đồng). */
export const amountVnd = z
  .number({ message: 'must be a number of đồng' })
  .finite({ message: 'must be a finite number of đồng' })
  .nonnegative({ message: 'must not be negative' });

/** A count of things (components, copies). */
export const positiveCount = z.number({ message: 'must be a whole number' }).int({ message: 'must be a whole number' }).positive({ message: 'must be at least 1' });

export const workingDays = z
  .number({ message: 'must be a whole number of working days' })
  .int({ message: 'must be a whole number of working days' })
  .min(0, { message: 'must not be negative' })
  .max(365, { message: 'must be at most 365 working days' });

export const ratingLevel = z.enum(['very-satisfied', 'satisfied', 'unsatisfied'], {
  message: 'must be very-satisfied, satisfied or unsatisfied',
});

export const freeText = z.string().max(2000, { message: 'must be at most 2000 characters' });
