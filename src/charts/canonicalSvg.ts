/**
 * SVG text in a canonical form: the attributes of every element sorted by name. Plotly sets
 * attributes in an order that depends on what it drew before in the same page (the legend
 * box of a second export lists `style` first), so the same figure could serialise two ways;
 * sorted attributes make equal drawings equal bytes. Expects XMLSerializer output
 * (double-quoted attributes, `<` escaped in text).
 * @example canonicalSvg('<rect y="0" x="1"/>') // '<rect x="1" y="0"/>'
 */
export function canonicalSvg(svg: string): string {
  return svg.replace(/<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/g, (_, tag: string, attributes: string, selfClosing: string) => {
    const list = attributes.match(/[\w:.-]+="[^"]*"/g) ?? [];
    list.sort((a, b) => {
      const na = a.slice(0, a.indexOf('='));
      const nb = b.slice(0, b.indexOf('='));
      return na < nb ? -1 : na > nb ? 1 : 0;
    });
    return `<${tag}${list.length > 0 ? ' ' + list.join(' ') : ''}${selfClosing}>`;
  });
}
