<?php
/**
 * The « Widget open data » block: the builder in the editor, the widget on the page.
 *
 * @package OpenDataWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the block. Its one attribute, `markup`, holds the elements the builder made: WordPress
 * filters block attributes with KSES on save, like the post itself (includes/kses.php).
 */
function odw_register_block() {
	wp_register_script(
		'odw-block-editor',
		plugins_url( 'block/editor.js', ODW_PLUGIN_FILE ),
		array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n' ),
		ODW_VERSION,
		true
	);
	wp_set_script_translations( 'odw-block-editor', 'open-data-widgets', plugin_dir_path( ODW_PLUGIN_FILE ) . 'languages' );
	register_block_type(
		'open-data-widgets/widget',
		array(
			'api_version'     => 2,
			'editor_script'   => 'odw-block-editor',
			'render_callback' => 'odw_render_block',
			'attributes'      => array(
				'markup' => array(
					'type'    => 'string',
					'default' => '',
				),
			),
		)
	);
}
add_action( 'init', 'odw_register_block' );

/**
 * Prints the block's elements, filtered again with the allow-list whoever wrote them.
 *
 * @param array $attributes Block attributes.
 * @return string
 */
function odw_render_block( $attributes ) {
	$markup = wp_kses_post( isset( $attributes['markup'] ) ? (string) $attributes['markup'] : '' );
	return odw_has_widgets( $markup ) ? '<div ' . get_block_wrapper_attributes() . '>' . $markup . '</div>' : '';
}

// The builder and the preview are the real elements, in the editor too.
add_action( 'enqueue_block_editor_assets', 'odw_enqueue_script' );
