/* global wp, DOMParser */
// The « Widget open data » block, written for the editor's own React (wp.element) without a build
// step. Editing, it shows odw-builder: paste a dataset address, choose the widget, set its details;
// the block keeps the elements of the builder's code (not its script or style). Otherwise it shows
// the widget itself. includes/block.php prints it on the page.
(function (blocks, blockEditor, components, element, i18n) {
  const el = element.createElement;
  const {__} = i18n;

  /** The odw- elements of the builder's code, as markup. */
  function widgetMarkup(code) {
    const body = new DOMParser().parseFromString(code, 'text/html').body;
    return [...body.children]
      .filter((node) => node.localName.startsWith('odw-'))
      .map((node) => node.outerHTML)
      .join('\n');
  }

  /** The `src` of the block's first element, to reopen the builder on the same data. */
  function dataAddress(markup) {
    const first = new DOMParser().parseFromString(markup, 'text/html').body.firstElementChild;
    return first?.getAttribute('src') ?? '';
  }

  function Builder({markup, onChange}) {
    const ref = element.useRef(null);
    element.useEffect(() => {
      const builder = ref.current;
      const listener = (event) => onChange(widgetMarkup(event.detail.code));
      builder.addEventListener('odw-builder-change', listener);
      return () => builder.removeEventListener('odw-builder-change', listener);
    }, [onChange]);
    // The builder's fields live in its shadow root: the editor would take Backspace or Enter there
    // for its own (remove the block, add a paragraph).
    const keep = (event) => event.stopPropagation();
    return el(
      'div',
      {onKeyDown: keep, onKeyPress: keep, onInput: keep, onPaste: keep},
      el('odw-builder', {
        ref,
        src: dataAddress(markup) || undefined,
      }),
    );
  }

  function Edit({attributes, setAttributes, isSelected}) {
    const [editing, setEditing] = element.useState(!attributes.markup);
    const onChange = element.useCallback((markup) => setAttributes({markup}), [setAttributes]);
    const open = editing && isSelected;
    const dashboard = attributes.markup.includes('<odw-dashboard');
    return el(
      'div',
      blockEditor.useBlockProps(),
      el(
        blockEditor.BlockControls,
        null,
        el(
          components.ToolbarGroup,
          null,
          el(
            components.ToolbarButton,
            {onClick: () => setEditing(!editing)},
            editing ? __('Done', 'open-data-widgets') : __('Edit the widget', 'open-data-widgets'),
          ),
        ),
      ),
      open ? el(Builder, {markup: attributes.markup, onChange}) : null,
      open && dashboard
        ? el(
            components.Notice,
            {status: 'warning', isDismissible: false},
            __(
              'A dashboard made here keeps its JSON in a script, which WordPress removes for authors: choose one widget, or publish the JSON as a file and give its address to config.',
              'open-data-widgets',
            ),
          )
        : null,
      !open && attributes.markup
        ? el(element.RawHTML, null, attributes.markup)
        : !open
          ? el(components.Placeholder, {
              icon: 'chart-bar',
              label: __('Open data widget', 'open-data-widgets'),
              instructions: __('Select the block, then paste the address of a dataset.', 'open-data-widgets'),
            })
          : null,
    );
  }

  blocks.registerBlockType('open-data-widgets/widget', {
    apiVersion: 2,
    title: __('Open data widget', 'open-data-widgets'),
    description: __(
      'A key figure, chart, map or table made from the address of a dataset.',
      'open-data-widgets',
    ),
    category: 'embed',
    icon: 'chart-bar',
    keywords: ['odw', 'open data', 'opendatasoft', 'data.gouv.fr'],
    attributes: {markup: {type: 'string', default: ''}},
    supports: {html: false},
    edit: Edit,
    save: () => null,
  });
})(wp.blocks, wp.blockEditor, wp.components, wp.element, wp.i18n);
