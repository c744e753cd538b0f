package org.vigil.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * JMH benchmark of the tagger with the full shipped gazetteer: a 5,000-word English news
 * item, a 1 MB English text (for MB/s), and compiling the gazetteer snapshot. See README
 * ("Tagging") for how to run it and the figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TaggerBenchmark {

	private static final Tagger.Context CONTEXT = new Tagger.Context(LocalDate.of(2025, 12, 19), Set.of());

	Gazetteer gazetteer;

	GazetteerData data;

	String item;

	String megabyte;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.data = GazetteerFiles.load();
		this.gazetteer = Gazetteer.of(this.data);
		this.item = englishNews(5_000);
		this.megabyte = englishNews(170_000);
	}

	@Benchmark
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public List<Tagger.Mention> tagFiveThousandWordItem() {
		return Tagger.tag(this.gazetteer, this.item, CONTEXT);
	}

	/** Time per ~1 MB of text; MB/s = size in MB / time in s (printed by main). */
	@Benchmark
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public List<Tagger.Mention> tagOneMegabyte() {
		return Tagger.tag(this.gazetteer, this.megabyte, CONTEXT);
	}

	@Benchmark
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public Gazetteer compileGazetteer() {
		return Gazetteer.of(this.data);
	}

	/**
	 * English news text of about {@code words} words: the English passages of the test
	 * set and ordinary reporting sentences, in a fixed pseudo-random order.
	 */
	@SuppressWarnings("unchecked")
	static String englishNews(int words) throws IOException {
		List<String> sentences = new ArrayList<>(List.of(
				"The ministry said the contract would be signed before the end of the year, subject to parliamentary approval.",
				"Officials declined to comment on the timing of the deliveries, citing operational security.",
				"Analysts noted that the budget for next year foresees a further increase in spending on air defence.",
				"The talks, which lasted more than three hours, also covered training, logistics and industrial cooperation.",
				"According to the statement, the first units are expected to reach initial operational capability in 2027.",
				"Several members of parliament questioned whether the industry could meet the demand for ammunition.",
				"The spokesperson added that further details would be announced at a press conference next week.",
				"Critics argue that the programme has suffered repeated delays and cost overruns since it was launched.",
				"The exercise involved about 3,000 soldiers, 300 vehicles and two dozen aircraft from eight countries.",
				"He said the government remained committed to modernising the armed forces and strengthening deterrence.",
				"The new brigade will be equipped with modern armoured vehicles, artillery and short-range air defence.",
				"Local authorities warned residents about road closures while the convoy moves through the region overnight.",
				"The agreement includes a technology transfer package and a maintenance centre to be built by 2028.",
				"Defence companies have reported record order books, but many struggle to hire enough engineers.",
				"The report recommends doubling stocks of artillery shells and investing in drone production lines.",
				"Training of the first crews will begin in the spring at a base in the north of the country.",
				"In a separate development, the navy commissioned two new patrol vessels built at a domestic shipyard.",
				"The minister stressed that cooperation between allies must go beyond declarations and lead to joint orders.",
				"Military planners are studying lessons from the war, in particular the role of cheap unmanned systems.",
				"The parliament's defence committee will hold a closed hearing on the procurement plan on Thursday.",
				"Experts say the cost of keeping the equipment ready for use will exceed the purchase price over its life.",
				"The government also announced new measures to protect critical infrastructure against sabotage.",
				"Cyber attacks on public institutions have increased sharply over the past year, officials said.",
				"The first deliveries are planned for the third quarter, with the remaining units following in 2029.",
				"Soldiers practised river crossings, night operations and the evacuation of wounded personnel."));
		List<String> passagesText = new ArrayList<>();
		try (InputStream in = TaggerBenchmark.class.getResourceAsStream("/tagging/passages.yaml")) {
			List<Map<String, Object>> passages = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			for (Map<String, Object> passage : passages) {
				if ("en".equals(passage.get("language"))) {
					passagesText.add(((String) passage.get("text")).replace('\n', ' ').strip());
				}
			}
		}
		// About one paragraph in five is entity-dense reporting (a passage of the test
		// set, 3-4 sentences); the rest is ordinary news prose.
		Random random = new Random(42);
		StringBuilder text = new StringBuilder();
		int count = 0;
		while (count < words) {
			List<String> source = (random.nextInt(20) == 0) ? passagesText : sentences;
			String sentence = source.get(random.nextInt(source.size()));
			text.append(sentence).append(random.nextInt(5) == 0 ? "\n\n" : " ");
			count += sentence.split("\\s+").length;
		}
		return text.toString();
	}

	public static void main(String[] args) throws RunnerException, IOException {
		String megabyte = englishNews(170_000);
		System.out.printf("1 MB text: %d chars, %.2f MB UTF-8; item: %d words%n", megabyte.length(),
				megabyte.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1e6, 5_000);
		new Runner(new OptionsBuilder().include(TaggerBenchmark.class.getSimpleName()).build()).run();
	}

}
