import { describe, expect, it } from 'vitest';
import { canonicalSvg } from '../../src/charts/canonicalSvg';

describe('canonicalSvg()', () => {
  it('sorts the attributes of every element by name, keeping values, text and self-closing tags', () => {
    // The two serialisations plotly produced for the same legend box (first and second export in one page).
    const first = '<rect class="bg" shape-rendering="crispEdges" style="fill: rgb(255, 255, 255);" width="156" height="30" x="0" y="0"/>';
    const second = '<rect class="bg" shape-rendering="crispEdges" width="156" height="30" x="0" y="0" style="fill: rgb(255, 255, 255);"/>';
    expect(canonicalSvg(first)).toBe('<rect class="bg" height="30" shape-rendering="crispEdges" style="fill: rgb(255, 255, 255);" width="156" x="0" y="0"/>');
    expect(canonicalSvg(second)).toBe(canonicalSvg(first));
  });

  it('leaves text content, closing tags and attribute-free elements alone', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10"><g><text y="2" x="1">a &lt;b&gt; 保费</text></g></svg>';
    expect(canonicalSvg(svg)).toBe('<svg width="10" xmlns="http://www.w3.org/2000/svg"><g><text x="1" y="2">a &lt;b&gt; 保费</text></g></svg>');
  });

  it('keeps namespaced attributes and values containing ">"', () => {
    expect(canonicalSvg('<use xlink:href="#a" data-x="1>0" class="c"/>')).toBe('<use class="c" data-x="1>0" xlink:href="#a"/>');
  });
});
