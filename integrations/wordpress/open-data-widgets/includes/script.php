<?php
/**
 * The module script, loaded only on pages that show a widget.
 *
 * @package OpenDataWidgets
 */

defined( 'ABSPATH' ) || exit;

const ODW_SCRIPT_HANDLE = 'open-data-widgets';

/**
 * Enqueues the module script: the URL set in « Réglages › Open Data Widgets », or the plugin's copy.
 */
function odw_enqueue_script() {
	$custom = get_option( 'odw_script_url', '' );
	wp_enqueue_script(
		ODW_SCRIPT_HANDLE,
		$custom ? $custom : plugins_url( 'dist/open-data-widgets.js', ODW_PLUGIN_FILE ),
		array(),
		$custom ? null : ODW_VERSION,
		true
	);
}

/**
 * Enqueues the script when the content holds a widget. Content filters run before the footer is
 * printed (and, with block themes, before the head), so the script is then printed in the footer.
 *
 * @param string $content Rendered content.
 * @return string The content, unchanged.
 */
function odw_enqueue_for( $content ) {
	if ( odw_has_widgets( $content ) ) {
		odw_enqueue_script();
	}
	return $content;
}
// After do_shortcode (11), so shortcodes are seen as the tags they print.
add_filter( 'the_content', 'odw_enqueue_for', 20 );
add_filter( 'widget_text_content', 'odw_enqueue_for', 20 );
add_filter( 'widget_block_content', 'odw_enqueue_for', 20 );

/**
 * Makes the script a module: WordPress 6.1 has no wp_enqueue_script_module().
 *
 * @param string $tag    The `<script>` element.
 * @param string $handle Its handle.
 * @return string
 */
function odw_module_script_tag( $tag, $handle ) {
	if ( ODW_SCRIPT_HANDLE !== $handle ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=([\'"])text\/javascript\1/', '', $tag );
	return preg_replace( '/<script(?=\s[^>]*\bsrc=)/', '<script type="module"', $tag );
}
add_filter( 'script_loader_tag', 'odw_module_script_tag', 10, 2 );
