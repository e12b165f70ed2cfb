// Every threshold of the layout stage (tokens + rulings -> blocks) and of reading a PDF's text layer
// (text items -> tokens, operator list -> rulings), in one validated object, as pdfplumber keeps its
// TableSettings. Units: `em` is a multiple of the font size (of a token or a line), `pt` PDF points
// (1/72 inch), `share` a fraction 0..1. The defaults are what the corpus was tuned on; each says why.
// The pipeline resolves overrides once per document (resolveLayoutSettings) and passes the object
// down (ExtractContext.settings.layout); the functions take it as their last parameter, defaulting
// to DEFAULT_LAYOUT_SETTINGS for tests and tools that call them directly.
import { checkDefaults, deepFreeze, resolveSettings, type DeepPartial, type Limits } from '../settings-check.js';

/** Tokens -> physical lines, and the text of a line (lines.ts). */
export interface LineSettings {
  /** a token joins a line when its centre is within this share of the smaller height of the line's centre (share; 0.35: sub/superscripts and mixed CJK/Latin baselines stay, the next line does not) */
  readonly centreTolerance: number;
  /** ... or when it overlaps the line vertically by this share of the smaller height (share; 0.7: a taller glyph on the same baseline) */
  readonly overlapShare: number;
  /** how many of the most recent lines a token may still join (count; 4: tokens arrive sorted by centre, so only the last few lines are open) */
  readonly openLines: number;
  /** font size assumed when a line or page has no token to measure (pt; 10: body text of these documents) */
  readonly fallbackFontSize: number;
  /** pieces closer than this are one word, joined without a space (em; 0.12: a number set in two runs, 115|43.27, touches) */
  readonly touchingGap: number;
  /** a gap wider than this between two pieces of a line's text prints as a space (em; 1.5: wider than any letter spacing) */
  readonly spaceGap: number;
}

/** Page assembly: ruled regions, rule bands, unruled runs, free lines (page.ts). */
export interface PageSettings {
  /** a gap this wide splits a free line into separate line blocks (em; 4: a label and its value across the page stay apart, justified text does not split) */
  readonly lineBreakGap: number;
  /** a token belongs to a ruled region when its centre is within this distance of the region's box (pt; 1: rounding of rules drawn on the text's edge) */
  readonly regionPad: number;
  /** the slab between two rules of a band is taken this far inside the rules (pt; 0.5: text touching a rule belongs to the slab it sits in) */
  readonly bandInset: number;
  /** header lines (several cells, no amounts) this close above an unruled run join it (em of the run's first line; 2.5: a header over its table, not a caption far above) */
  readonly headerReach: number;
  /** a free line whose first token is this much larger than the page's median font is a heading (ratio; 1.25: titles are set at least a size up) */
  readonly headingSize: number;
  /** a grid needs some row with this many filled cells (count; 2: a label and a value) */
  readonly minFilledCells: number;
  /** a one-row ruled grid (a table printed with its header only) needs this many filled cells (count; 3: fewer is a box around a phrase) */
  readonly headerOnlyCells: number;
  /** a cell with this many Latin words is running text (count; 4) */
  readonly proseWords: number;
  /** a CJK cell this long holding a clause mark (，。；) is running text (characters; 20: longer than any budget line name) */
  readonly proseClauseChars: number;
  /** an unruled grid whose filled cells are running text at least this share is prose set in columns, not a table (share; 0.6) */
  readonly proseShare: number;
  /** ... with running text in at least this many columns (count; 2: multi-column text) */
  readonly proseColumns: number;
  /** a one-cell line of running text wider than this share of a rule band cuts the band (share; 0.6: a paragraph between two stacked tables) */
  readonly bandProseWidth: number;
  /** an open-sided region (one column divider) is read from its text when this many line halves break into several cells (count; 2) */
  readonly openSidedSplitLines: number;
}

/** The unruled strategy: tables set with white space (unruled.ts). */
export interface UnruledSettings {
  /** a gap wider than this separates two cells of a line (em; 1.5: wider than word spacing in any font) */
  readonly cellGap: number;
  /** between two figures a narrower gap already does (em; 0.4: a typewriter space (0.6 em) or half an em between bold figures is a gutter, a proportional space (0.25-0.33 em) is not) */
  readonly figureGap: number;
  /** a line of this many cells is tabular even without a number (count; 3) */
  readonly tabularCells: number;
  /** a run of tabular lines may bridge this many untabular lines (wrapped names, labels) (count; 3) */
  readonly bridgeLines: number;
  /** two lines are in one run when the blank between them is at most this (em of the larger line; 1.5: more is a paragraph break) */
  readonly bridgeGap: number;
  /** ... and at most this when the next line is tabular itself (em; 2.5: the spacing of a table with tall rows) */
  readonly bridgeGapTabular: number;
  /** a wrapped name's last fragment closes a run when it follows the last line by less than this (em of its size; 0.8) */
  readonly tailGap: number;
  /** ... starts at least this far right of the table's left edge (em; 2: a note starts at the edge) */
  readonly tailIndent: number;
  /** ... and is narrower than this share of the table (share; 0.4) */
  readonly tailWidth: number;
  /** a run is a table with this many lines of amounts set apart from other cells (count; 2) */
  readonly minAmountLines: number;
  /** ... or with this many lines of `tabularCells` cells (a header-only table) (count; 3: justified prose with one wide gap is neither) */
  readonly minWideLines: number;
  /** body cells of neighbouring lines closer than this are one column (em of the median line; 0.8) */
  readonly columnJoin: number;
  /** ... but never across this share of the narrowest gutter seen on one line (share; 0.9: a typewriter table puts one space between its columns) */
  readonly gutterShare: number;
  /** a header line this close under the previous one is its wrapped continuation (em; 0.6) */
  readonly headerWrapGap: number;
  /** a header token spans the columns its box crosses after trimming this much from each end (em; 0.25: glyph side bearings) */
  readonly spanTrim: number;
}

/** Logical rows from physical lines where no rule separates them (rows.ts). */
export interface RowSettings {
  /** two lines whose centres are closer than this are on one row, set on two baselines (em of the smaller line; 0.8) */
  readonly baselineJoin: number;
  /** a line without amounts joins an amount line within this many row pitches (ratio; 1.1: the neighbouring row, not the one beyond) */
  readonly pitchReach: number;
  /** ... and at least within this distance (em of the first line; 1.2: one line height when the pitch is tight) */
  readonly minReach: number;
  /** between two candidate rows the one below is taken when this much nearer (ratio of distances; 0.85: ties go to the row above, where wrapped names continue) */
  readonly preferBelow: number;
  /** row pitch assumed with a single amount line (em; 1.6: the usual line spacing of these tables) */
  readonly defaultPitch: number;
}

/** The ruled strategy: a lattice from the rules of a region (ruled.ts, grid.ts). */
export interface RuledSettings {
  /** an edge counts as drawn when rules cover this share of it (share; 0.6: a rule broken at a cell's text still counts, a stub of a merged cell does not) */
  readonly edgeCover: number;
  /** a rule belongs to a lattice line within `regions.snap` plus this (pt; 0.5: rounding after clustering) */
  readonly edgeSnapSlack: number;
  /** a column holds numbers (and so can stack rows in one band) when this share of its tokens are numbers (share; 0.6: prose mentioning 100% does not) */
  readonly numberColumnShare: number;
  /** rows and columns narrower than this are dropped unless text has its origin there (pt; 4: slivers of double rules and rules that miss each other) */
  readonly minCellSize: number;
}

/** Ruling lines -> ruled regions and rule bands (regions.ts). */
export interface RegionSettings {
  /** rule positions closer than this are one line (pt; 2: double rules, rounding) */
  readonly snap: number;
  /** how far a rule may stop short of the rule it meets (pt; 3: Word's rules stop a line width short) */
  readonly touch: number;
  /** collinear pieces within this distance across are one rule (pt; 0.8: Excel draws one segment per cell edge) */
  readonly collinear: number;
  /** ... and are joined over a gap this long along the rule (pt; 1.5) */
  readonly pieceGap: number;
  /** a ruling shorter than this is no rule (pt; 2: dots, glyph strokes) */
  readonly minRulingLength: number;
  /** an open-sided region (one column divider) needs this many horizontal rules (count; 3: a divider with two rules is a box) */
  readonly openSidedRules: number;
  /** a region narrower than this is not a table (pt; 20) */
  readonly minRegionWidth: number;
  /** a region or rule band lower than this is not a table (pt; 8: less than a row of text) */
  readonly minRegionHeight: number;
  /** a rule broken at the column gutters is one rule over gaps up to this (pt; 8) */
  readonly bandGutter: number;
  /** rules shorter than this bound no band (pt; 40: an underline, a footnote rule) */
  readonly minBandRule: number;
  /** rules of one band lie within this height (pt; 560: page header and footer rules are further apart) */
  readonly maxBandHeight: number;
  /** rules of one band start and end within this share of their length of each other (share; 0.04) */
  readonly sameExtent: number;
  /** ... and at least within this distance (pt; 3) */
  readonly minExtentTolerance: number;
}

/** A PDF's text layer: text items -> tokens (extractors/pdf/text.ts, page.ts). */
export interface TextLayerSettings {
  /**
   * Fake bold: some producers draw a header word several times at (almost) the same spot, so the
   * text layer holds each run two to nine times (`支支支支支支出出出出出出`). A text item is read
   * once when an item with the same string, font and size was already drawn within this distance,
   * in x and in y, of its origin (pt; pdfplumber's `dedupe_chars`, tolerance 1). Two cells that
   * print the same value (0.00 and 0.00) stand a column apart, far beyond it. 0 turns it off.
   */
  readonly dedupeTolerance: number;
  /** two items' glyph matrices (size, direction) agree within this share of the font size (share; 0.01) */
  readonly sameMatrix: number;
  /** a font ascent below this is implausible and replaced by `defaultAscent` (em; 0.3) */
  readonly minAscent: number;
  /** font ascents are capped here (em; 1.1: some fonts report their line gap as ascent) */
  readonly maxAscent: number;
  /** ascent when the font reports none (em; 0.85: typical CJK fonts) */
  readonly defaultAscent: number;
  /** font descents are capped here (em, negative; -0.5) */
  readonly minDescent: number;
  /** descent when the font reports none (em, negative; -0.15) */
  readonly defaultDescent: number;
  /** advance of a Latin or half-width character when estimating positions inside an item (em; 0.5; CJK and full-width forms are 1) */
  readonly narrowAdvance: number;
  /** a page with fewer printable characters has no usable text layer (count; 4: a stray page number) */
  readonly minTextChars: number;
  /** this many curved paths on a text-less page suggest text drawn as outlines, to be read by OCR (count; 50) */
  readonly minOutlinePaths: number;
}

/** A PDF's graphics: operator list -> rulings, images (extractors/pdf/rulings.ts). */
export interface PdfGraphicsSettings {
  /** an image placement scales the unit square to at least this area (pt²; 2500: a 50 × 50 pt picture, not an icon or a bullet) */
  readonly minImageArea: number;
  /** a filled rectangle at most this thick is a rule, not a shaded cell (pt; 2.5) */
  readonly maxRuleThickness: number;
  /** a segment counts as horizontal or vertical with at most this drift per unit of length (ratio; 0.02: about one degree) */
  readonly maxSkew: number;
  /** ... plus this much absolute drift (pt; 0.01: rounding of a perfectly straight segment) */
  readonly skewSlack: number;
  /** segments shorter than this are no rule (pt; 1) */
  readonly minSegmentLength: number;
  /** rules are at least this thick (pt; 0.1: hairlines drawn with width 0) */
  readonly minRuleWidth: number;
  /** a grey fill or stroke lighter than this is white (0..1; 0.95): white rules are no rules */
  readonly whiteGrey: number;
  /** an RGB colour whose channels are all at least this is white (0..255; 240) */
  readonly whiteRgb: number;
}

export interface LayoutSettings {
  readonly lines: LineSettings;
  readonly page: PageSettings;
  readonly unruled: UnruledSettings;
  readonly rows: RowSettings;
  readonly ruled: RuledSettings;
  readonly regions: RegionSettings;
  readonly textLayer: TextLayerSettings;
  readonly graphics: PdfGraphicsSettings;
}

export type LayoutSettingsOverrides = DeepPartial<LayoutSettings>;

const EM: readonly [number, number] = [0, 100];
const SHARE: readonly [number, number] = [0, 1];
const PT: readonly [number, number] = [0, 10_000];
const COUNT = (min = 0, max = 1_000_000): readonly [number, number, 'int'] => [min, max, 'int'];

export const LAYOUT_SETTINGS_LIMITS: Limits<LayoutSettings> = {
  lines: { centreTolerance: SHARE, overlapShare: SHARE, openLines: COUNT(1, 1000), fallbackFontSize: [0.1, 1000], touchingGap: EM, spaceGap: EM },
  page: {
    lineBreakGap: EM, regionPad: PT, bandInset: PT, headerReach: EM, headingSize: [0, 100], minFilledCells: COUNT(), headerOnlyCells: COUNT(),
    proseWords: COUNT(), proseClauseChars: COUNT(), proseShare: SHARE, proseColumns: COUNT(), bandProseWidth: SHARE, openSidedSplitLines: COUNT(),
  },
  unruled: {
    cellGap: EM, figureGap: EM, tabularCells: COUNT(), bridgeLines: COUNT(0, 1000), bridgeGap: EM, bridgeGapTabular: EM, tailGap: EM, tailIndent: EM,
    tailWidth: SHARE, minAmountLines: COUNT(), minWideLines: COUNT(), columnJoin: EM, gutterShare: [0, 10], headerWrapGap: EM, spanTrim: EM,
  },
  rows: { baselineJoin: EM, pitchReach: [0, 100], minReach: EM, preferBelow: [0, 100], defaultPitch: EM },
  ruled: { edgeCover: SHARE, edgeSnapSlack: PT, numberColumnShare: SHARE, minCellSize: PT },
  regions: {
    snap: PT, touch: PT, collinear: PT, pieceGap: PT, minRulingLength: PT, openSidedRules: COUNT(), minRegionWidth: PT, minRegionHeight: PT,
    bandGutter: PT, minBandRule: PT, maxBandHeight: PT, sameExtent: SHARE, minExtentTolerance: PT,
  },
  textLayer: {
    dedupeTolerance: PT, sameMatrix: SHARE, minAscent: [0, 10], maxAscent: [0, 10], defaultAscent: [0, 10], minDescent: [-10, 0], defaultDescent: [-10, 0],
    narrowAdvance: [0, 10], minTextChars: COUNT(), minOutlinePaths: COUNT(),
  },
  graphics: { minImageArea: [0, 1e8], maxRuleThickness: PT, maxSkew: [0, 1], skewSlack: PT, minSegmentLength: PT, minRuleWidth: PT, whiteGrey: [0, 1], whiteRgb: [0, 255] },
};

export const DEFAULT_LAYOUT_SETTINGS: LayoutSettings = deepFreeze(
  checkDefaults<LayoutSettings>('layout', {
    lines: { centreTolerance: 0.35, overlapShare: 0.7, openLines: 4, fallbackFontSize: 10, touchingGap: 0.12, spaceGap: 1.5 },
    page: {
      lineBreakGap: 4, regionPad: 1, bandInset: 0.5, headerReach: 2.5, headingSize: 1.25, minFilledCells: 2, headerOnlyCells: 3,
      proseWords: 4, proseClauseChars: 20, proseShare: 0.6, proseColumns: 2, bandProseWidth: 0.6, openSidedSplitLines: 2,
    },
    unruled: {
      cellGap: 1.5, figureGap: 0.4, tabularCells: 3, bridgeLines: 3, bridgeGap: 1.5, bridgeGapTabular: 2.5, tailGap: 0.8, tailIndent: 2,
      tailWidth: 0.4, minAmountLines: 2, minWideLines: 3, columnJoin: 0.8, gutterShare: 0.9, headerWrapGap: 0.6, spanTrim: 0.25,
    },
    rows: { baselineJoin: 0.8, pitchReach: 1.1, minReach: 1.2, preferBelow: 0.85, defaultPitch: 1.6 },
    ruled: { edgeCover: 0.6, edgeSnapSlack: 0.5, numberColumnShare: 0.6, minCellSize: 4 },
    regions: {
      snap: 2, touch: 3, collinear: 0.8, pieceGap: 1.5, minRulingLength: 2, openSidedRules: 3, minRegionWidth: 20, minRegionHeight: 8,
      bandGutter: 8, minBandRule: 40, maxBandHeight: 560, sameExtent: 0.04, minExtentTolerance: 3,
    },
    textLayer: {
      dedupeTolerance: 1, sameMatrix: 0.01, minAscent: 0.3, maxAscent: 1.1, defaultAscent: 0.85, minDescent: -0.5, defaultDescent: -0.15,
      narrowAdvance: 0.5, minTextChars: 4, minOutlinePaths: 50,
    },
    graphics: { minImageArea: 2500, maxRuleThickness: 2.5, maxSkew: 0.02, skewSlack: 0.01, minSegmentLength: 1, minRuleWidth: 0.1, whiteGrey: 0.95, whiteRgb: 0xf0 },
  }, LAYOUT_SETTINGS_LIMITS),
);

/** The layout settings with `overrides` applied (any subset, at any depth), checked and frozen.
 *  Throws one line naming the key on an unknown key or a value that is not a finite number in its
 *  range. Without overrides: DEFAULT_LAYOUT_SETTINGS. */
export function resolveLayoutSettings(overrides?: LayoutSettingsOverrides): LayoutSettings {
  return resolveSettings('layout', DEFAULT_LAYOUT_SETTINGS, LAYOUT_SETTINGS_LIMITS, overrides);
}
