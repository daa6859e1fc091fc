<?php
/**
 * Plugin Name:       Open Data Widgets
 * Description:       Key figures, charts, maps and tables from open-data portals, written as odw- tags or [odw-…] shortcodes by every role that can write posts.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       open-data-widgets
 * Domain Path:       /languages
 *
 * @package OpenDataWidgets
 */

defined( 'ABSPATH' ) || exit;

define( 'ODW_VERSION', '0.1.0' );
define( 'ODW_PLUGIN_FILE', __FILE__ );

require_once __DIR__ . '/includes/elements.php';
require_once __DIR__ . '/includes/kses.php';
require_once __DIR__ . '/includes/script.php';
require_once __DIR__ . '/includes/shortcodes.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/block.php';

add_action(
	'init',
	static function () {
		load_plugin_textdomain( 'open-data-widgets', false, dirname( plugin_basename( ODW_PLUGIN_FILE ) ) . '/languages' );
	}
);
