<?php
/**
 * « Réglages › Open Data Widgets »: where the script comes from.
 *
 * @package OpenDataWidgets
 */

defined( 'ABSPATH' ) || exit;

const ODW_SETTINGS_PAGE = 'open-data-widgets';

/**
 * Adds the page under Settings, for administrators only.
 */
function odw_add_settings_page() {
	add_options_page(
		__( 'Open Data Widgets', 'open-data-widgets' ),
		__( 'Open Data Widgets', 'open-data-widgets' ),
		'manage_options',
		ODW_SETTINGS_PAGE,
		'odw_render_settings_page'
	);
}
add_action( 'admin_menu', 'odw_add_settings_page' );

/**
 * Declares the option through the Settings API, which checks the capability and the nonce on save.
 */
function odw_register_settings() {
	register_setting(
		ODW_SETTINGS_PAGE,
		'odw_script_url',
		array(
			'type'              => 'string',
			'default'           => '',
			'sanitize_callback' => 'odw_sanitize_script_url',
		)
	);
	add_settings_section( 'odw_script', __( 'Script', 'open-data-widgets' ), 'odw_render_script_section', ODW_SETTINGS_PAGE );
	add_settings_field(
		'odw_script_url',
		__( 'Script URL', 'open-data-widgets' ),
		'odw_render_script_url_field',
		ODW_SETTINGS_PAGE,
		'odw_script',
		array( 'label_for' => 'odw_script_url' )
	);
}
add_action( 'admin_init', 'odw_register_settings' );

/**
 * Keeps an http(s) URL, or nothing for the copy inside the plugin.
 *
 * @param string $url Submitted value.
 * @return string
 */
function odw_sanitize_script_url( $url ) {
	return esc_url_raw( trim( (string) $url ), array( 'https', 'http' ) );
}

/**
 * Explains the section.
 */
function odw_render_script_section() {
	echo '<p>' . esc_html__( 'Pages that show a widget load the script of open-data-widgets. Leave the field empty to use the copy inside this plugin, served by your own site (no CDN needed). Otherwise give the URL of open-data-widgets.js, with its chunks/ folder beside it.', 'open-data-widgets' ) . '</p>';
}

/**
 * Prints the URL field.
 */
function odw_render_script_url_field() {
	printf(
		'<input type="url" class="regular-text code" id="odw_script_url" name="odw_script_url" value="%s" placeholder="%s">',
		esc_attr( get_option( 'odw_script_url', '' ) ),
		esc_attr( plugins_url( 'dist/open-data-widgets.js', ODW_PLUGIN_FILE ) )
	);
}

/**
 * Prints the page.
 */
function odw_render_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	?>
	<div class="wrap">
		<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
		<form action="options.php" method="post">
			<?php
			settings_fields( ODW_SETTINGS_PAGE );
			do_settings_sections( ODW_SETTINGS_PAGE );
			submit_button();
			?>
		</form>
	</div>
	<?php
}

/**
 * Links the page from the plugin's row in « Extensions ».
 *
 * @param string[] $links Action links.
 * @return string[]
 */
function odw_settings_link( $links ) {
	$url = admin_url( 'options-general.php?page=' . ODW_SETTINGS_PAGE );
	array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'open-data-widgets' ) . '</a>' );
	return $links;
}
add_filter( 'plugin_action_links_' . plugin_basename( ODW_PLUGIN_FILE ), 'odw_settings_link' );
