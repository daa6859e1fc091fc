/**
 * Every Vega transform, registered before a page's Vega-Lite specification is parsed: loaded with
 * the Vega-Lite compiler only, so that the generated charts do not download them.
 */
import {transforms} from 'vega-dataflow';
import * as dataTransforms from 'vega-transforms';
import * as viewTransforms from 'vega-view-transforms';
import * as encoders from 'vega-encode';

Object.assign(transforms, dataTransforms, viewTransforms, encoders);
