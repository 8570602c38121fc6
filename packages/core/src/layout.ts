/** GraphLayout.discipline of a layout over every discipline of a knowledge version (written by the web, read by the worker). */
export const ALL_DISCIPLINES = "*";
