export { LOGO_MAX_BYTES, LOGO_TYPES, readLogo, type LogoType, type ReadLogo } from './read-logo.js';
export { SVG_MAX_DEPTH, SVG_MAX_ELEMENTS, sanitiseSvg, type SanitisedSvg } from './sanitise-svg.js';
export { PNG_MAX_SIDE, checkPng, type CheckedPng } from './check-png.js';
