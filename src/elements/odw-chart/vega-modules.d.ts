/** The few entry points of Vega's packages that odw-chart uses (they ship no types of their own). */
declare module 'vega-dataflow' {
  export const transforms: Record<string, unknown>;
}
declare module 'vega-format' {
  export function locale(number?: object, time?: object): unknown;
}
declare module 'vega-parser' {
  export function parse(spec: object, config?: object, options?: {ast?: boolean}): object;
}
declare module 'vega-scenegraph' {
  /** Text widths as Vega's bounds measure them (canvas), `limit` applied. */
  export const textMetrics: {
    width(item: {font?: string; fontSize?: number; limit?: number}, text: string): number;
  };
}
declare module 'vega-transforms';
declare module 'vega-view-transforms';
declare module 'vega-encode';
declare module 'vega-view' {
  export class View {
    constructor(runtime: object, options?: Record<string, unknown>);
    initialize(container: HTMLElement): this;
    runAsync(): Promise<this>;
    width(width: number): this;
    height(height: number): this;
    signal(name: string, value: unknown): this;
    data(name: string, values: unknown[]): this;
    locale(locale: object): this;
    addEventListener(type: string, handler: (event: MouseEvent, item?: never) => void): this;
    toSVG(scale?: number): Promise<string>;
    toCanvas(scale?: number): Promise<HTMLCanvasElement>;
    finalize(): this;
  }
}
declare module 'vega-util' {
  export function hasOwnProperty(object: object, property: PropertyKey): boolean;
  export function isObject(value: unknown): value is object;
  export function isString(value: unknown): value is string;
  export function stringValue(value: unknown): string;
}
