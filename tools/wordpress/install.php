<?php
/**
 * Installs the local test site, its administrator and author, and activates the plugin, through
 * WordPress's own functions (Debian's WordPress 6.1 has no WP-CLI). Run by setup.sh:
 *   php tools/wordpress/install.php 127.0.0.1:8421
 * Each step is skipped when already done.
 */

if ( PHP_SAPI !== 'cli' || $argc < 2 ) {
	fwrite( STDERR, "Usage: php install.php HOST:PORT\n" );
	exit( 1 );
}

// Debian's wp-config.php picks /etc/wordpress/config-<host>.php from the request's host.
$_SERVER['HTTP_HOST']   = $argv[1];
$_SERVER['SERVER_NAME'] = preg_replace( '/:.*/', '', $argv[1] );
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_INSTALLING', true );

require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/translation-install.php';

// Local test accounts, on a site reachable from this machine only (see tools/wordpress/users.json).
$users = json_decode( file_get_contents( __DIR__ . '/users.json' ), true );

if ( ! is_blog_installed() ) {
	// No mail server here: skip the « new site » mail.
	add_filter( 'pre_wp_mail', '__return_false' );
	$locale = in_array( 'fr_FR', get_available_languages(), true ) ? 'fr_FR' : '';
	wp_install(
		'Commune de test',
		$users['administrator']['login'],
		$users['administrator']['email'],
		false,
		'',
		wp_slash( $users['administrator']['password'] ),
		$locale
	);
	echo 'WordPress installed' . ( $locale ? ' in French' : ' in English (no fr_FR language files)' ) . "\n";
}

foreach ( $users as $role => $user ) {
	if ( ! username_exists( $user['login'] ) ) {
		$id = wp_insert_user(
			array(
				'user_login' => $user['login'],
				'user_pass'  => $user['password'],
				'user_email' => $user['email'],
				'role'       => $role,
				'locale'     => '',
			)
		);
		if ( is_wp_error( $id ) ) {
			fwrite( STDERR, $id->get_error_message() . "\n" );
			exit( 1 );
		}
		echo "User {$user['login']} ({$role}) created\n";
	}
}

$plugin = 'open-data-widgets/open-data-widgets.php';
if ( ! is_plugin_active( $plugin ) ) {
	$result = activate_plugin( $plugin );
	if ( is_wp_error( $result ) ) {
		fwrite( STDERR, $result->get_error_message() . "\n" );
		exit( 1 );
	}
	echo "Plugin activated\n";
}
