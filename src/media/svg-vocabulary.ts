/**
 * What an uploaded SVG may contain: elements and attributes that only draw. Anything else is
 * refused (elements) or left out of the stored file (attributes no browser acts on).
 */
export const SVG_NS = 'http://www.w3.org/2000/svg';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Other vocabularies browsers give behaviour to, by the name a refusal uses for them. */
export const knownVocabularies: Record<string, string> = {
  'http://www.w3.org/1999/xhtml': 'HTML',
  'http://www.w3.org/1998/Math/MathML': 'MathML',
  'http://www.w3.org/2001/xml-events': 'XML Events',
  [XLINK_NS]: 'XLink',
};

/** Drawing programs' own bookkeeping, which no browser reads: left out of the stored file. */
const editorVocabularies = [
  'http://www.inkscape.org/namespaces/inkscape',
  'http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  'http://creativecommons.org/ns#',
  'http://purl.org/dc/elements/1.1/',
  'http://www.bohemiancoding.com/sketch/ns',
  'http://www.serif.com/',
  'http://ns.adobe.com/',
];

export function isEditorData(namespace: string): boolean {
  return editorVocabularies.some((known) => namespace.startsWith(known));
}

/** SVG elements that are left out with everything inside them (metadata about the file, never drawn). */
export const droppedElements = new Set(['metadata']);

/** Elements whose text is content (shown, or read as a style sheet); elsewhere text is only layout white space. */
export const textElements = new Set(['text', 'tspan', 'textPath', 'title', 'desc', 'style']);

/** Animation elements: allowed, but only to animate attributes from the lists below. */
export const animationElements = new Set(['animate', 'animateMotion', 'animateTransform', 'set']);

export const drawingElements = new Set([
  ...textElements,
  ...animationElements,
  'svg', 'g', 'defs', 'symbol', 'use', 'switch', 'view',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'image',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker', 'mpath',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix',
  'feDiffuseLighting', 'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA',
  'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode',
  'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile',
  'feTurbulence',
]);

/** Elements whose href may hold an embedded raster image (data: URL) as well as a #fragment. */
export const imageElements = new Set(['image', 'feImage']);

/** Attributes of geometry, structure, filters and timing: their values are not read as CSS. */
export const plainAttributes = new Set([
  'id', 'class', 'lang', 'role', 'aria-label', 'aria-labelledby', 'aria-describedby', 'aria-hidden',
  'version', 'baseProfile', 'viewBox', 'preserveAspectRatio', 'x', 'y', 'width', 'height',
  'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'd', 'points', 'pathLength',
  'transform', 'gradientTransform', 'patternTransform', 'gradientUnits', 'patternUnits',
  'patternContentUnits', 'clipPathUnits', 'maskUnits', 'maskContentUnits', 'filterUnits',
  'primitiveUnits', 'markerUnits', 'markerWidth', 'markerHeight', 'refX', 'refY', 'orient',
  'offset', 'spreadMethod', 'dx', 'dy', 'rotate', 'lengthAdjust', 'textLength', 'startOffset',
  'method', 'spacing', 'side', 'systemLanguage', 'in', 'in2', 'result', 'stdDeviation', 'mode',
  'operator', 'k1', 'k2', 'k3', 'k4', 'type', 'tableValues', 'slope', 'intercept',
  'amplitude', 'exponent', 'order', 'kernelMatrix', 'divisor', 'bias', 'targetX', 'targetY',
  'edgeMode', 'preserveAlpha', 'scale', 'xChannelSelector', 'yChannelSelector', 'surfaceScale',
  'diffuseConstant', 'specularConstant', 'specularExponent', 'kernelUnitLength', 'azimuth',
  'elevation', 'z', 'pointsAtX', 'pointsAtY', 'pointsAtZ', 'limitingConeAngle', 'baseFrequency',
  'numOctaves', 'seed', 'stitchTiles', 'radius', 'media',
  'attributeName', 'attributeType', 'begin', 'dur', 'end', 'min', 'max', 'restart', 'repeatCount',
  'repeatDur', 'calcMode', 'keyTimes', 'keySplines', 'keyPoints', 'additive', 'accumulate', 'path',
]);

/** Presentation attributes and style: their values are CSS, checked for anything that fetches. */
export const styleAttributes = new Set([
  'style', 'alignment-baseline', 'baseline-shift', 'clip', 'clip-path', 'clip-rule', 'color',
  'color-interpolation', 'color-interpolation-filters', 'color-rendering', 'cursor', 'direction',
  'display', 'dominant-baseline', 'enable-background', 'fill', 'fill-opacity', 'fill-rule',
  'filter', 'flood-color', 'flood-opacity', 'font', 'font-family', 'font-size', 'font-size-adjust',
  'font-stretch', 'font-style', 'font-variant', 'font-weight', 'glyph-orientation-horizontal',
  'glyph-orientation-vertical', 'image-rendering', 'isolation', 'kerning', 'letter-spacing',
  'lighting-color', 'marker', 'marker-end', 'marker-mid', 'marker-start', 'mask', 'mask-type',
  'mix-blend-mode', 'opacity', 'overflow', 'paint-order', 'pointer-events', 'shape-rendering',
  'stop-color', 'stop-opacity', 'stroke', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'stroke-opacity', 'stroke-width',
  'text-anchor', 'text-decoration', 'text-rendering', 'transform-origin', 'unicode-bidi',
  'vector-effect', 'visibility', 'white-space', 'word-spacing', 'writing-mode',
  // What an animation sets, read as the value of the attribute it animates (and a colour matrix's numbers).
  'from', 'to', 'by', 'values',
]);
