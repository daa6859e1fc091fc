<?php
/**
 * Removes the plugin's only option when the plugin is deleted.
 *
 * @package OpenDataWidgets
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'odw_script_url' );
