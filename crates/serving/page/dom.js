// Building elements without markup strings, so nothing the service or the
// address bar holds is ever read as HTML.

const SVG = "http://www.w3.org/2000/svg";

/** `<tag attrs>children</tag>`; a child may be text, an element, or null. */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  return fill(element, attrs, children);
}

/** The same for SVG elements. */
export function s(tag, attrs = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  return fill(element, attrs, children);
}

function fill(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}
