<?php
/**
 * One shortcode per tag: `[odw-kpi src="…" value="sum(population)" label="Habitants"]`.
 *
 * @package OpenDataWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers a shortcode for each element.
 */
function odw_register_shortcodes() {
	foreach ( array_keys( odw_elements() ) as $tag ) {
		add_shortcode( $tag, 'odw_render_shortcode' );
	}
}
add_action( 'init', 'odw_register_shortcodes' );

/**
 * Prints the element of a shortcode. Only the element's documented attributes are printed, each
 * escaped; the others are left out and, in a preview, listed for the person writing the post.
 *
 * shortcode_atts() is not used: it would drop the undeclared attributes without telling.
 *
 * @param array|string $atts    Attributes as parsed by WordPress (names lowercased; a bare word
 *                              such as `no-attribution` comes with a numeric key).
 * @param string|null  $content Content between `[odw-…]` and `[/odw-…]`, for `odw-dashboard`.
 * @param string       $tag     The shortcode's name, which is the element's.
 * @return string
 */
function odw_render_shortcode( $atts, $content, $tag ) {
	$known   = odw_elements()[ $tag ];
	$values  = array();
	$unknown = array();
	foreach ( (array) $atts as $name => $value ) {
		if ( is_int( $name ) ) {
			$name  = strtolower( $value );
			$value = '';
		}
		if ( in_array( $name, $known, true ) ) {
			$values[ $name ] = $value;
		} else {
			$unknown[] = $name;
		}
	}
	// Shortcodes run after wpautop: the line breaks between the widgets of a dashboard came back as
	// paragraphs and <br />, which would take cells of its grid.
	$inner = null === $content ? '' : do_shortcode( preg_replace( '#</?p>|<br\s*/?>#i', '', $content ) );
	return odw_unknown_attributes_notice( $tag, $unknown ) . odw_element_markup( $tag, $values, $inner );
}

/**
 * Lists a shortcode's unknown attributes, in a preview only: visitors never see it.
 *
 * @param string   $tag     Shortcode name.
 * @param string[] $unknown Attribute names left out.
 * @return string
 */
function odw_unknown_attributes_notice( $tag, $unknown ) {
	if ( ! $unknown || ! is_preview() || ! current_user_can( 'edit_posts' ) ) {
		return '';
	}
	$message = sprintf(
		/* translators: 1: shortcode name, 2: attribute names separated by commas. */
		__( 'Open Data Widgets: [%1$s] does not know %2$s, left out. The README lists the attributes of each element.', 'open-data-widgets' ),
		$tag,
		implode( ', ', $unknown )
	);
	return '<p class="odw-shortcode-notice" role="note">' . esc_html( $message ) . '</p>';
}
