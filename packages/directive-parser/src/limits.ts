/** Longest text parsed (characters): a directive with its annexes is far below. */
export const MAX_TEXT_LENGTH = 2_000_000;
