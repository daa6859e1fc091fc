/** The part of d3-tile the map uses (the package ships no types). */
declare module 'd3-tile' {
  export interface Tiles extends Array<[number, number, number]> {
    translate: [number, number];
    scale: number;
  }
  export interface TileLayout {
    (): Tiles;
    size(size: [number, number]): TileLayout;
    scale(scale: number): TileLayout;
    translate(translate: [number, number]): TileLayout;
    tileSize(size: number): TileLayout;
  }
  export function tile(): TileLayout;
}
