// The accessibility audit test_site_browser runs on every page: a list of problems.
() => {
  const out = [];
  if (!document.documentElement.lang) out.push("no lang");
  const hs = [...document.querySelectorAll("h1,h2,h3,h4,h5,h6")].map(h => +h.tagName[1]);
  if (hs.filter(l => l === 1).length !== 1 || hs[0] !== 1) out.push("not one h1, first");
  hs.forEach((l, i) => { if (i && l > hs[i - 1] + 1) out.push("heading skips to h" + l); });
  document.querySelectorAll("input,select,textarea").forEach(el => {
    if (!el.labels || !el.labels.length) out.push("unlabelled " + (el.id || el.name));
  });
  const rgb = s => s.match(/[\d.]+/g).map(Number);
  const lum = c => { const v = c.slice(0, 3).map(x => { x /= 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const bg = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
    if (c.length < 4 || c[3] > 0) return c; } return [255, 255, 255]; };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || seen.has(el) || !el.getClientRects().length) continue;
    if (el.closest("svg")) continue;
    seen.add(el);
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const style = getComputedStyle(el), size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && +style.fontWeight >= 700);
    if (ratio < (large ? 3 : 4.5)) out.push("contrast " + ratio.toFixed(2) + " at " + el.tagName + " " + walker.currentNode.textContent.trim().slice(0, 30));
  }
  return [...new Set(out)];
}
