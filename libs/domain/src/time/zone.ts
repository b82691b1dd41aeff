/** Business time is Asia/Ho_Chi_Minh (UTC+7, no daylight saving); a period boundary is local midnight. */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
