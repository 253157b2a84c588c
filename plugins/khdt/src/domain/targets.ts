/**
 * The targets the module declares (src/server/plugin.ts): the city's projected PCI and PGI
 * scores, recorded from the core scorecards of the year the demo holds. No imports: pages read it.
 */
export const PROJECTION_YEAR = 2023;
export const PROJECTION_TARGETS = {
  pci: 'SKHDT-PCI-2023',
  pgi: 'SKHDT-PGI-2023',
} as const;
