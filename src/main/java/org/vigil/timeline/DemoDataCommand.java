package org.vigil.timeline;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code demo-data}: fills the database with synthetic items for demonstrations and
 * benchmarks. Everything it writes hangs off the 'synthetic' source, so it is easy to
 * tell apart (and to delete); it runs only when asked.
 */
@Component
@Command(name = "demo-data", mixinStandardHelpOptions = true,
		description = "Generate synthetic items (source 'synthetic') with mentions of gazetteer entities, "
				+ "dated over the last five years, for demonstrations and benchmarks.")
class DemoDataCommand implements Callable<Integer> {

	private static final String SEPARATOR = "\u001f";

	private static final List<String> TITLES = List.of("{C} signs {P} agreement with {X}",
			"{X} visits {C} to discuss {P}", "{P}: {C} confirms next delivery", "Statement by {X} on {P} and {C}",
			"{C} increases funding for {P}", "{X} meets defence ministers of {C}",
			"Joint exercise in {C} tests {P} readiness", "{C} and {X} agree closer cooperation on {P}",
			"Speech by {X}: {C}, deterrence and {P}", "{P} contract for {C} enters its second phase",
			"{C} parliament debates {P}", "Press conference of {X} after talks in {C}");

	private static final List<String> BODIES = List.of(
			"{C} announced on Tuesday that the {P} programme will continue as planned. {X} said the decision "
					+ "strengthens deterrence on the eastern flank.\n\nOfficials described {W} as the next step.",
			"Speaking in {C}, {X} stressed that {P} remains a priority for the alliance.\n\n"
					+ "The ministry added that {W} would be reviewed before the end of the year.",
			"The government of {C} approved additional funding for {P}. According to {X}, the package "
					+ "covers {W} over the coming years.\n\nThe opposition asked for more detail on costs.",
			"{X} held talks with counterparts from {C} about {P}, air defence and military mobility.\n\n"
					+ "Both sides agreed to continue work on {W}.",
			"During an exercise in {C}, units trained with equipment delivered under {P}. {X} observed the "
					+ "final phase.\n\nThe exercise focused on {W}.",
			"{P} was the main topic of a meeting between {X} and the defence minister of {C}.\n\n"
					+ "A joint statement mentioned {W} and further deliveries.");

	private static final List<String> WORDS = List.of("logistics", "training", "ammunition production", "air defence",
			"long-range fires", "maintenance", "interoperability", "munitions stockpiles", "cyber defence",
			"reconnaissance", "border security", "drone detection", "spare parts", "infrastructure",
			"host nation support", "offset agreements", "industrial cooperation", "satellite imagery", "fuel supply",
			"medical support", "command and control", "rapid reinforcement", "naval patrols", "hybrid threats",
			"critical infrastructure protection", "procurement reform", "reserve forces", "winter readiness");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DemoGazetteer gazetteer;

	@Spec
	CommandSpec spec;

	@Option(names = "--items", description = "How many synthetic items to add.")
	Integer items;

	@Option(names = "--remove", defaultValue = "false",
			description = "Delete all demo data: its items, their mentions and versions, the 'synthetic' source "
					+ "and the synthetic gazetteer entries nothing else names.")
	boolean remove;

	@Option(names = "--batch", defaultValue = "50000",
			description = "Items per SQL statement (default ${DEFAULT-VALUE}).")
	int batch;

	@Option(names = "--seed", defaultValue = "42",
			description = "Seed of the pseudo-random choices (default ${DEFAULT-VALUE}).")
	long seed;

	DemoDataCommand(JdbcClient jdbc, Clock clock, DemoGazetteer gazetteer) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.gazetteer = gazetteer;
	}

	record Pool(List<Long> ids, List<String> names) {

		String joinedIds() {
			return String.join(",", this.ids.stream().map(String::valueOf).toList());
		}

		String joinedNames() {
			return String.join(SEPARATOR, this.names);
		}

	}

	@Override
	public Integer call() {
		if (this.remove == (this.items != null)) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), "give either --items N or --remove");
		}
		if (this.remove) {
			return remove();
		}
		if (this.items < 1 || this.items > 10_000_000) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), "--items must be between 1 and 10000000");
		}
		if (this.batch < 1 || this.batch > 200_000) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), "--batch must be between 1 and 200000");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		long sourceId = this.jdbc.sql("""
				insert into source (key, name, kind, official, language, enabled, settings)
				values ('synthetic', 'Demo data (synthetic)', 'synthetic', false, 'en', false, '{}')
				on conflict (key) do update set name = excluded.name returning id
				""").query(Long.class).single();
		int created = this.gazetteer.addIfEmpty();
		if (created > 0) {
			out.println(
					"The gazetteer was empty: added " + created + " synthetic entities (attributes.synthetic = true).");
		}
		Pool countries = pool("type = 'country'");
		Pool programmes = pool("type = 'programme'");
		Pool actors = pool("type in ('person', 'organisation')");
		Pool all = pool("true");
		countries = countries.ids().isEmpty() ? all : countries;
		programmes = programmes.ids().isEmpty() ? all : programmes;
		actors = actors.ids().isEmpty() ? all : actors;
		long first = this.jdbc.sql("select count(*) from item where source_id = :source")
			.param("source", sourceId)
			.query(Long.class)
			.single() + 1;
		long started = System.nanoTime();
		long done = 0;
		while (done < this.items) {
			long size = Math.min(this.batch, this.items - done);
			insertBatch(sourceId, first + done, first + done + size - 1, countries, programmes, actors);
			done += size;
			out.printf("%,d / %,d items (%.0f s)%n", done, this.items, (System.nanoTime() - started) / 1e9);
			out.flush();
		}
		// Vacuum too: it sets the visibility map, without which index-only scans still
		// visit the table.
		this.jdbc.sql("vacuum (analyze) item, item_entity, mention").update();
		out.printf("Added %,d synthetic items in %.0f s.%n", this.items, (System.nanoTime() - started) / 1e9);
		out.flush();
		return 0;
	}

	/**
	 * Deletes everything demo data made. Items go in batches, each committed, so that a
	 * million of them never make one huge transaction; mentions, entity links, versions
	 * and raw captures go with their items.
	 */
	private int remove() {
		PrintWriter out = this.spec.commandLine().getOut();
		Long sourceId = this.jdbc.sql("select id from source where key = 'synthetic' and kind = 'synthetic'")
			.query(Long.class)
			.optional()
			.orElse(null);
		long removed = 0;
		if (sourceId != null) {
			int deleted;
			do {
				deleted = this.jdbc.sql("""
						delete from item where id in (select id from item where source_id = :source limit 20000)
						""").param("source", sourceId).update();
				removed += deleted;
			}
			while (deleted > 0);
			this.jdbc.sql("delete from story s where not exists (select 1 from item i where i.story_id = s.id)")
				.update();
			this.jdbc.sql("delete from source where id = :source").param("source", sourceId).update();
		}
		int entities = this.jdbc.sql("""
				delete from entity e where e.attributes ->> 'synthetic' = 'true'
				  and not exists (select 1 from item_entity ie where ie.entity_id = e.id)
				  and not exists (select 1 from mention m where m.entity_id = e.id)
				""").update();
		if (sourceId == null && entities == 0) {
			out.println("There is no demo data.");
		}
		else {
			out.printf(
					"Removed %,d demo items with their mentions, the 'synthetic' source and %d synthetic entities.%n",
					removed, entities);
		}
		out.flush();
		return 0;
	}

	private void insertBatch(long sourceId, long from, long to, Pool countries, Pool programmes, Pool actors) {
		// One statement per batch: generate the rows, insert the items, then their
		// item_entity and mention rows joined back through the canonical key.
		this.jdbc
			.sql("""
					with g as (
					  select n,
					         abs(hashint8extended(n, :seed)) as h1, abs(hashint8extended(n, :seed + 1)) as h2,
					         abs(hashint8extended(n, :seed + 2)) as h3, abs(hashint8extended(n, :seed + 3)) as h4
					  from generate_series(cast(:from as bigint), cast(:to as bigint)) n
					), p as (
					  select g.*,
					         cast(1 + h1 % cardinality(c.ids) as int) as ci, cast(1 + h2 % cardinality(pr.ids) as int) as pi,
					         cast(1 + h3 % cardinality(x.ids) as int) as xi,
					         cast(:now as timestamptz) - make_interval(secs => (h4 % (5 * 365 * 86400))) as pub
					  from g,
					       (select string_to_array(:cids, ',')::bigint[] as ids, string_to_array(:cnames, :sep) as names) c,
					       (select string_to_array(:pids, ',')::bigint[] as ids, string_to_array(:pnames, :sep) as names) pr,
					       (select string_to_array(:xids, ',')::bigint[] as ids, string_to_array(:xnames, :sep) as names) x
					), r as (
					  select p.n, p.h4, p.pub,
					         (string_to_array(:cids, ',')::bigint[])[ci] as cid, (string_to_array(:cnames, :sep))[ci] as cn,
					         (string_to_array(:pids, ',')::bigint[])[pi] as pid, (string_to_array(:pnames, :sep))[pi] as pn,
					         (string_to_array(:xids, ',')::bigint[])[xi] as xid, (string_to_array(:xnames, :sep))[xi] as xn,
					         (string_to_array(:titles, :sep))[1 + (h1 / 7) % :ntitles] as ttpl,
					         (string_to_array(:bodies, :sep))[1 + (h2 / 7) % :nbodies] as btpl,
					         (string_to_array(:words, :sep))[1 + (h3 / 7) % :nwords] || ' and '
					           || (string_to_array(:words, :sep))[1 + (h4 / 11) % :nwords] as w
					  from p
					), t as materialized (
					  select r.*,
					         replace(replace(replace(ttpl, '{C}', cn), '{P}', pn), '{X}', xn) as title,
					         replace(replace(replace(replace(btpl, '{C}', cn), '{P}', pn), '{X}', xn), '{W}', w) as body
					  from r
					), ins as (
					  insert into item (source_id, canonical_key, url, title, item_type, language, published_at,
					                    published_precision, first_seen_at, updated_at, body_html, body_text, content_hash)
					  select :source, 'synthetic:' || n, 'https://synthetic.invalid/items/' || n, title,
					         (array['press-release', 'speech', 'news', 'statement', 'other'])[1 + (h4 / 13) % 5],
					         case when h4 % 17 = 0 then 'pl' else 'en' end,
					         case when h4 % 10 = 0 then date_trunc('day', pub, 'UTC') else pub end,
					         case when h4 % 10 = 0 then 'date' else 'time' end,
					         pub, pub,
					         '<p>' || replace(replace(replace(replace(body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
					                          E'\\n\\n', '</p><p>') || '</p>',
					         body, md5(body)
					  from t
					  on conflict (canonical_key) do nothing
					  returning id, canonical_key, published_at
					), named as (
					  select ins.id, ins.published_at, e.entity_id, e.name, t.body
					  from ins join t on 'synthetic:' || t.n = ins.canonical_key
					  cross join lateral (values (t.cid, t.cn), (t.pid, t.pn), (t.xid, t.xn)) as e(entity_id, name)
					), tagged as (
					  insert into item_entity (item_id, entity_id, published_at, mentions, confidence)
					  select distinct on (id, entity_id) id, entity_id, published_at, 1, 0.9 from named
					  on conflict do nothing
					)
					insert into mention (item_id, entity_id, start_pos, end_pos, in_title, surface, confidence, resolved_by)
					select id, entity_id, strpos(body, name) - 1, strpos(body, name) - 1 + length(name), false, name, 0.9, 'alias'
					from named where strpos(body, name) > 0
					""")
			.param("seed", this.seed)
			.param("from", from)
			.param("to", to)
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("source", sourceId)
			.param("sep", SEPARATOR)
			.param("cids", countries.joinedIds())
			.param("cnames", countries.joinedNames())
			.param("pids", programmes.joinedIds())
			.param("pnames", programmes.joinedNames())
			.param("xids", actors.joinedIds())
			.param("xnames", actors.joinedNames())
			.param("titles", String.join(SEPARATOR, TITLES))
			.param("ntitles", TITLES.size())
			.param("bodies", String.join(SEPARATOR, BODIES))
			.param("nbodies", BODIES.size())
			.param("words", String.join(SEPARATOR, WORDS))
			.param("nwords", WORDS.size())
			.update();
	}

	private Pool pool(String condition) {
		List<Long> ids = new ArrayList<>();
		List<String> names = new ArrayList<>();
		this.jdbc.sql("select id, name from entity where " + condition + " order by id").query((rs) -> {
			String name = rs.getString("name");
			if (!name.contains(SEPARATOR)) {
				ids.add(rs.getLong("id"));
				names.add(name);
			}
		});
		return new Pool(ids, names);
	}

}
