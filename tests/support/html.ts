// Reading the HTML the real server sends, as a person would read the page.

/** A page's HTML without the comments React puts between adjacent text parts. */
export const pageText = async (response: Response) => (await response.text()).replaceAll("<!-- -->", "");

/** The text of the form-wide error a page shows, if it shows one. */
export const formAlert = (html: string) => html.match(/<p class="form-error" role="alert">([^<]*)<\/p>/)?.[1];
