// The layout stage: PageContent (tokens + rulings, from a text layer or from OCR) -> Block[].
export { layoutPage } from './page.js';
