// The layout stage: PageContent (tokens + rulings, from a text layer or from OCR) -> Block[].
export { layoutPage, layoutPages } from './page.js';
export { findRuledRegions, mergeRulings } from './regions.js';
export { groupLines, cellText } from './lines.js';
export { DEFAULT_LAYOUT_SETTINGS, resolveLayoutSettings, type LayoutSettings, type LayoutSettingsOverrides } from './settings.js';
