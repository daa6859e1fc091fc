<?php
/**
 * The elements and their attributes, as documented in custom-elements.json.
 *
 * @package OpenDataWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Attributes every element may carry besides its own: HTML's global ones, which KSES lists for no
 * unknown tag (its keys are lowercase), and `span`, which odw-dashboard reads on its children.
 * `style` stays out: the widgets are styled through their parts.
 */
const ODW_GLOBAL_ATTRIBUTES = array( 'id', 'class', 'lang', 'title', 'slot', 'hidden', 'span' );

/**
 * Each tag with the attributes it accepts, global ones included.
 *
 * The list is generated at build time from custom-elements.json by tools/wordpress/build-plugin.mjs
 * (generated/elements.php). Event-handler attributes are never accepted, whatever that file says.
 *
 * @return array<string, string[]> Tag name => lowercase attribute names.
 */
function odw_elements() {
	static $elements = null;
	if ( null === $elements ) {
		$elements   = array();
		$generated  = __DIR__ . '/../generated/elements.php';
		$documented = is_readable( $generated ) ? require $generated : array();
		foreach ( $documented as $tag => $attributes ) {
			$names            = array_map( 'strtolower', array_merge( $attributes, ODW_GLOBAL_ATTRIBUTES ) );
			$elements[ $tag ] = array_values( array_unique( preg_grep( '/^on[a-z]*$/', $names, PREG_GREP_INVERT ) ) );
		}
	}
	return $elements;
}

/**
 * Whether a piece of content holds an `odw-` tag or shortcode.
 *
 * @param string $content Post content, rendered or not.
 * @return bool
 */
function odw_has_widgets( $content ) {
	return is_string( $content ) && 1 === preg_match( '/[<\[]odw-[a-z]/i', $content );
}

/**
 * An element with the given attributes, each escaped; the caller keeps to the element's attributes.
 *
 * @param string                $tag    An element of odw_elements().
 * @param array<string, string> $values Attribute name => value (`''` for a boolean attribute).
 * @param string                $inner  Markup inside the element, already safe.
 * @return string
 */
function odw_element_markup( $tag, $values, $inner = '' ) {
	$attributes = '';
	foreach ( $values as $name => $value ) {
		if ( in_array( $name, wp_kses_uri_attributes(), true ) ) {
			// The same protocols as KSES allows in a tag's `src`: no `javascript:`.
			$value = wp_kses_bad_protocol( $value, wp_allowed_protocols() );
		}
		$attributes .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	return "<{$tag}{$attributes}>{$inner}</{$tag}>";
}
