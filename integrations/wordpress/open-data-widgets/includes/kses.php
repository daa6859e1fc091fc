<?php
/**
 * KSES: the tags and their documented attributes for every role that can write posts.
 *
 * @package OpenDataWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Adds the elements to the allow-list of post content, which KSES applies to every role without
 * `unfiltered_html` (authors, contributors, every role of a multisite but the super admin).
 *
 * @param array        $tags    Allowed tags => allowed attributes.
 * @param string|array $context Context name.
 * @return array
 */
function odw_kses_allowed_html( $tags, $context ) {
	if ( 'post' !== $context ) {
		return $tags;
	}
	foreach ( odw_elements() as $tag => $attributes ) {
		$tags[ $tag ] = array_fill_keys( $attributes, true );
	}
	return $tags;
}
add_filter( 'wp_kses_allowed_html', 'odw_kses_allowed_html', 10, 2 );

/**
 * KSES ends a tag at its first `>`, even inside a quoted value: `where="population > 10000"` would
 * lose its condition and leave `10000">` as text; in a shortcode's value it takes `< 5000` for a tag
 * and removes it, and WordPress empties a shortcode value holding an unclosed `<`, for every role.
 * Inside the quoted values of `odw-` tags and shortcodes, `<` and `>` become `&lt;` and `&gt;`,
 * which the browser reads back as the same characters in the attribute. Only ever turning markup
 * into text, this cannot let anything more through KSES.
 *
 * @param string $content Content about to be saved, or filtered by KSES.
 * @return string
 */
function odw_keep_expressions( $content ) {
	if ( ! is_string( $content ) || ! preg_match( '/[<\[]odw-/i', $content ) ) {
		return $content;
	}
	return preg_replace_callback(
		'/<odw-[a-z0-9-]+(?:[^>"\']++|"[^"]*"|\'[^\']*\')*>|\[odw-[a-z0-9-]+(?:[^\]"\']++|"[^"]*"|\'[^\']*\')*\]/i',
		static function ( $tag ) {
			return preg_replace_callback(
				'/"[^"]*"|\'[^\']*\'/',
				static function ( $quoted ) {
					return strtr( $quoted[0], array( '<' => '&lt;', '>' => '&gt;' ) );
				},
				$tag[0]
			);
		},
		$content
	);
}
// Before WordPress's own pre_kses filters (10): wp_pre_kses_less_than() escapes a whole tag holding a `<`.
add_filter( 'pre_kses', 'odw_keep_expressions', 5 );
// Before KSES (priority 10) on save, and for the roles KSES leaves alone.
add_filter( 'content_save_pre', 'odw_keep_expressions', 9 );
