/** The five applications, in the order people meet them: resident, hall, staff, province. */
export const SURFACES = ['citizen', 'kiosk', 'display', 'staff', 'province'] as const;
export type Surface = (typeof SURFACES)[number];
