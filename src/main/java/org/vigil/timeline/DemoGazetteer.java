package org.vigil.timeline;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The small gazetteer demo data uses when the real one is not loaded: well-known
 * countries, programmes, people and organisations, each marked synthetic so that
 * {@code demo-data --remove} can delete them.
 */
@Component
class DemoGazetteer {

	private final JdbcClient jdbc;

	DemoGazetteer(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds the entities when the gazetteer is empty.
	 * @return how many were added (none when the gazetteer has any entry)
	 */
	int addIfEmpty() {
		if (this.jdbc.sql("select exists (select 1 from entity)").query(Boolean.class).single()) {
			return 0;
		}
		return this.jdbc
			.sql("""
					insert into entity (type, key, name, country_code, attributes)
					select type, key, name, cc, '{"synthetic": true}' from (values
					  ('country', 'PL', 'Poland', 'PL'), ('country', 'DE', 'Germany', 'DE'), ('country', 'FR', 'France', 'FR'),
					  ('country', 'US', 'United States', 'US'), ('country', 'GB', 'United Kingdom', 'GB'),
					  ('country', 'UA', 'Ukraine', 'UA'), ('country', 'RO', 'Romania', 'RO'), ('country', 'LT', 'Lithuania', 'LT'),
					  ('country', 'LV', 'Latvia', 'LV'), ('country', 'EE', 'Estonia', 'EE'), ('country', 'FI', 'Finland', 'FI'),
					  ('country', 'SE', 'Sweden', 'SE'), ('country', 'NO', 'Norway', 'NO'), ('country', 'KR', 'South Korea', 'KR'),
					  ('programme', 'f-35', 'F-35', null), ('programme', 'k2pl', 'K2PL', 'PL'),
					  ('programme', 'eastern-sentry', 'Eastern Sentry', null), ('programme', 'safe', 'SAFE', null),
					  ('programme', 'purl', 'PURL', null), ('programme', 'patriot', 'Patriot', null),
					  ('programme', 'himars', 'HIMARS', null), ('programme', 'east-shield', 'East Shield', 'PL'),
					  ('programme', 'borsuk', 'Borsuk', 'PL'), ('programme', 'apache', 'AH-64 Apache', null),
					  ('person', 'mark-rutte', 'Mark Rutte', 'NL'),
					  ('person', 'wladyslaw-kosiniak-kamysz', 'Władysław Kosiniak-Kamysz', 'PL'),
					  ('person', 'boris-pistorius', 'Boris Pistorius', 'DE'), ('person', 'pete-hegseth', 'Pete Hegseth', 'US'),
					  ('person', 'john-healey', 'John Healey', 'GB'), ('person', 'kaja-kallas', 'Kaja Kallas', 'EE'),
					  ('organisation', 'nato', 'NATO', null), ('organisation', 'eu', 'European Union', null),
					  ('organisation', 'eda', 'European Defence Agency', null),
					  ('organisation', 'pgz', 'Polish Armament Group', 'PL'))
					  as v(type, key, name, cc)
					on conflict (type, key) do nothing
					""")
			.update();
	}

}
