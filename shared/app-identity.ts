/** The product's name, which is not translated, and the ids under which the operating system knows it. */
export const APP_NAME = 'Kredo';
export const APP_ID = 'app.kredo.desktop';
