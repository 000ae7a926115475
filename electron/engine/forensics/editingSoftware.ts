// Software that changes image or document content, as it appears in EXIF Software, XMP
// CreatorTool and XMP history. Each entry says why it is on the list, so a reviewer can judge
// the finding. Camera firmware, scanner drivers and OS photo viewers are deliberately absent:
// they write these fields on untouched captures.

export interface EditingTool {
  pattern: RegExp;
  name: string;
  reason: string;
}

export const IMAGE_EDITING_TOOLS: readonly EditingTool[] = [
  {
    pattern: /photoshop/i,
    name: 'Adobe Photoshop',
    reason: 'raster editor: layers, clone and content-aware fill change text and portraits',
  },
  {
    pattern: /lightroom/i,
    name: 'Adobe Lightroom',
    reason: 'photo developer: exports are re-rendered, with local retouching brushes',
  },
  {
    pattern: /adobe express|photoshop express/i,
    name: 'Adobe Express',
    reason: 'online editor with text and object tools',
  },
  { pattern: /\bgimp\b/i, name: 'GIMP', reason: 'raster editor with full retouching tools' },
  { pattern: /affinity photo/i, name: 'Affinity Photo', reason: 'raster editor with full retouching tools' },
  { pattern: /pixelmator/i, name: 'Pixelmator', reason: 'raster editor (macOS/iOS) with repair and text tools' },
  {
    pattern: /\bcanva\b/i,
    name: 'Canva',
    reason: 'design tool: documents are composed from templates and text layers',
  },
  { pattern: /snapseed/i, name: 'Snapseed', reason: 'mobile editor with healing and text tools' },
  { pattern: /paint\.net/i, name: 'Paint.NET', reason: 'raster editor with layers' },
  { pattern: /painttool|paint tool sai/i, name: 'PaintTool SAI', reason: 'painting program' },
  { pattern: /paintshop|corel/i, name: 'Corel PaintShop', reason: 'raster editor with retouching tools' },
  { pattern: /photopea/i, name: 'Photopea', reason: 'browser-based Photoshop clone' },
  { pattern: /picsart/i, name: 'PicsArt', reason: 'mobile editor with text, sticker and cut-out tools' },
  { pattern: /fotor/i, name: 'Fotor', reason: 'online editor with retouching tools' },
  { pattern: /facetune/i, name: 'Facetune', reason: 'face retouching app: changes the portrait itself' },
  { pattern: /luminar/i, name: 'Luminar', reason: 'AI photo editor that replaces image regions' },
  { pattern: /\bkrita\b/i, name: 'Krita', reason: 'painting program with layers' },
  { pattern: /photoscape/i, name: 'PhotoScape', reason: 'editor with text and clone tools' },
  { pattern: /acdsee/i, name: 'ACDSee', reason: 'photo editor with retouching tools' },
  {
    pattern: /inkscape|illustrator|coreldraw/i,
    name: 'vector editor',
    reason: 'vector editors compose documents from scratch',
  },
];

export function matchEditingTool(software: string | undefined | null): EditingTool | null {
  if (!software) return null;
  return IMAGE_EDITING_TOOLS.find((tool) => tool.pattern.test(software)) ?? null;
}
