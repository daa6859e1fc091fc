/* global window, document */
/**
 * dist/embed-resize.js — optional, for a host page that allows one script (a classic one, no
 * type="module"): gives each iframe of dist/embed.html the height its content reports, so nothing
 * is cut off and no inner scroll bar appears.
 *
 *   <script src="https://metropole.example/odw/embed-resize.js" defer></script>
 *
 * The embed page posts {type: "odw-embed-size", height: <CSS px>} once drawn and on every change
 * (src/embed/embed.ts). Only the iframe that sent the message is resized, and only by a sane height.
 */
(function () {
  'use strict';
  var MAX_HEIGHT = 20000;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'odw-embed-size') return;
    var height = Number(data.height);
    if (!(height > 0 && height <= MAX_HEIGHT)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
        return;
      }
    }
  });
})();
