/** dd/mm/yyyy of an ISO date, for the xlsx exports' texts. */
export const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
