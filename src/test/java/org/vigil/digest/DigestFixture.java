package org.vigil.digest;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.support.TestRows;
import org.vigil.support.TestUsers;

/** Users, saved searches and items for digest tests, straight in the database. */
final class DigestFixture extends TestRows {

	DigestFixture(JdbcClient jdbc) {
		super(jdbc);
	}

	/** Empties everything a digest reads or writes. */
	void clear() {
		this.jdbc.sql("""
				delete from digest_delivery; delete from digest_run; delete from saved_search;
				delete from spring_session; delete from login_throttle; delete from app_user;
				delete from mention; delete from item_entity; delete from item
				""").update();
	}

	/**
	 * A user with the digest on at the given weekday (1 = Monday) and hour in their zone,
	 * made long before any test instant.
	 */
	long user(String email, String zone, String locale, int day, int hour) {
		long id = TestUsers.analyst(this.jdbc, email);
		this.jdbc.sql("""
				update app_user set time_zone = :zone, locale = :locale, digest_day = :day, digest_hour = :hour,
				  created_at = timestamptz '2020-01-01 00:00Z'
				where id = :id
				""")
			.param("zone", zone)
			.param("locale", locale)
			.param("day", day)
			.param("hour", hour)
			.param("id", id)
			.update();
		return id;
	}

	long search(long userId, String name, String parameters) {
		return this.jdbc
			.sql("insert into saved_search (user_id, name, parameters) values (:user, :name, :parameters)"
					+ " returning id")
			.param("user", userId)
			.param("name", name)
			.param("parameters", parameters)
			.query(Long.class)
			.single();
	}

	/** Gives an item a body text (and with it its full-text vector). */
	void body(long itemId, String text) {
		this.jdbc.sql("update item set body_text = :text where id = :id")
			.param("text", text)
			.param("id", itemId)
			.update();
	}

	/** Names an entity in an item {@code mentions} times, in its title or not. */
	void names(long itemId, long entityId, int mentions, boolean inTitle) {
		this.jdbc.sql("""
				insert into item_entity (item_id, entity_id, published_at, mentions, confidence)
				select id, :entity, published_at, :mentions, 0.9 from item where id = :item
				""").param("item", itemId).param("entity", entityId).param("mentions", mentions).update();
		for (int i = 0; i < mentions; i++) {
			this.jdbc
				.sql("""
						insert into mention (item_id, entity_id, start_pos, end_pos, in_title, surface, confidence, resolved_by)
						values (:item, :entity, 0, 1, :inTitle, 'x', 0.9, 'alias')
						""")
				.param("item", itemId)
				.param("entity", entityId)
				.param("inTitle", inTitle && i == 0)
				.update();
		}
	}

	String status(long userId) {
		return this.jdbc.sql("select string_agg(status, ',' order by week) from digest_delivery where user_id = :id")
			.param("id", userId)
			.query((rs, n) -> rs.getString(1))
			.list()
			.get(0);
	}

	/** A port nothing listens on now, for an SMTP server the test starts. */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A started GreenMail SMTP server on the loopback address. */
	static GreenMail smtpServer(int port) {
		GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		return greenMail;
	}

}
