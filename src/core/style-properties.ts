import {noChange} from 'lit';
import {Directive, PartType, directive, type ElementPart, type PartInfo} from 'lit/directive.js';

/**
 * Sets inline style properties through the CSSOM only. Lit's `styleMap` writes a `style`
 * attribute on first render, which a strict `style-src 'self'` policy refuses; `setProperty`
 * is allowed. Property names are CSS names (`background`, `--odw-x`).
 */
class StylePropertiesDirective extends Directive {
  private names = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) {
      throw new Error('styleProperties() is an element binding: <span ${styleProperties({…})}>');
    }
  }

  render(_properties: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [Readonly<Record<string, string>>]): typeof noChange {
    const {style} = part.element as HTMLElement;
    for (const name of this.names) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.names = new Set(Object.keys(properties));
    return noChange;
  }
}

export const styleProperties = directive(StylePropertiesDirective);
