/**
 * Hà Nội's internal PAR INDEX results of its departments and districts (percent). 2023: Sở Nội vụ
 * 94%, Sở Tài chính 93,89%, Sở KH&CN 93%, Thanh tra TP 63,9% (lowest), departments' mean 88,4%;
 * Đống Đa 96,3% (first) and Phú Xuyên 91,61% (last) of the districts, their mean 94% — published
 * (`PAR_UNIT_SCORES_SOURCE`). Every other figure, and all of 2022, is the demo's plausible figure
 * (source null), chosen so that the published means hold.
 */
export const PAR_UNIT_SCORES_SOURCE = 'https://en.vietnamplus.vn/hanoi-announces-public-administration-reform-index-2023/279752.vnp';

/** The published 2023 figures (the others are the demo's). */
export const PUBLISHED_2023 = new Set(['SNV', 'STC', 'SKHCN', 'TTTP', 'Q006', 'Q280']);

export const PAR_UNIT_SCORES: Readonly<Record<number, Readonly<Record<string, number>>>> = {
  2023: { SNV: 94, STC: 93.89, SKHCN: 93, VP: 91.2, STP: 90.5, SKHDT: 92.4, SCT: 88.7, SNNPTNT: 87.9, SGTVT: 85.6, SXD: 86.3, STNMT: 84.9, STTTT: 92.1, SLDTBXH: 89.4, SVHTT: 87.2, SDL: 88.1, SGDDT: 91.7, SYT: 86.8, SQHKT: 89.9, SNGV: 90.3, BDT: 88.61, TTTP: 63.9, Q001: 93.45, Q002: 95.66, Q003: 95.18, Q004: 93.25, Q005: 94.17, Q006: 96.3, Q007: 92.43, Q008: 92.52, Q009: 93.18, Q016: 94.64, Q017: 94.72, Q018: 93.17, Q019: 92.92, Q020: 95.68, Q021: 92.71, Q250: 92.12, Q268: 93.4, Q269: 94.37, Q271: 94.67, Q272: 94.95, Q273: 92.8, Q274: 95.65, Q275: 95.39, Q276: 94.03, Q277: 93.92, Q278: 92.34, Q279: 95.6, Q280: 91.61, Q281: 94.99, Q282: 94.18 },
  2022: { SNV: 92.05, STC: 92.57, SKHCN: 90.44, VP: 90.21, STP: 92.58, SKHDT: 88.99, SCT: 88.32, SNNPTNT: 89.18, SGTVT: 84.31, SXD: 85.61, STNMT: 82.04, STTTT: 89.37, SLDTBXH: 87.0, SVHTT: 85.4, SDL: 87.15, SGDDT: 93.86, SYT: 86.45, SQHKT: 86.94, SNGV: 92.27, BDT: 85.76, TTTP: 61.15, Q001: 92.94, Q002: 96.06, Q003: 95.56, Q004: 91.91, Q005: 95.11, Q006: 95.26, Q007: 93.66, Q008: 92.77, Q009: 91.83, Q016: 95.63, Q017: 95.01, Q018: 92.41, Q019: 94.35, Q020: 96.55, Q021: 91.31, Q250: 93.62, Q268: 94.4, Q269: 95.17, Q271: 93.92, Q272: 95.57, Q273: 90.84, Q274: 94.7, Q275: 95.4, Q276: 93.0, Q277: 92.99, Q278: 93.53, Q279: 94.55, Q280: 90.83, Q281: 93.52, Q282: 92.98 },
};
