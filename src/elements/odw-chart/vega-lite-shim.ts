/**
 * What the Vega-Lite compiler imports from `vega`: only helpers of `vega-util`. Bundlers alias
 * `vega` to this module for vega-lite so that the compiler does not pull every Vega package.
 */
export {hasOwnProperty, isObject, isString, stringValue} from 'vega-util';
