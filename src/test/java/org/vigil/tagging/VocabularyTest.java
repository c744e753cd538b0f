package org.vigil.tagging;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The vocabulary finds what was added, and only that, however many tokens it holds. */
class VocabularyTest {

	@Test
	void findsEveryTokenAddedAtItsIdAndNoOther() {
		Random random = new Random(16);
		Vocabulary vocabulary = new Vocabulary();
		Map<String, Integer> added = new HashMap<>();
		while (added.size() < 60_000) {
			String token = token(random);
			added.computeIfAbsent(token, vocabulary::add);
		}
		assertThat(vocabulary.size()).isEqualTo(added.size());
		added.forEach((token, id) -> {
			assertThat(vocabulary.find(token)).as(token).isEqualTo(id);
			// looked up in place, inside a larger buffer, as the tokeniser does
			char[] buf = ("  " + token + " ").toCharArray();
			assertThat(vocabulary.find(buf, 2, token.length(), Vocabulary.hash(token.toCharArray(), token.length())))
				.as(token)
				.isEqualTo(id);
			assertThat(vocabulary.token(id)).isEqualTo(token);
		});
		for (int k = 0; k < 200_000; k++) {
			String token = token(random);
			assertThat(vocabulary.find(token)).as(token).isEqualTo(added.getOrDefault(token, -1));
		}
		assertThat(vocabulary.add("dziś")).isEqualTo(vocabulary.find("dziś"));
		assertThat(vocabulary.find('ő')).isEqualTo(-1);
		int single = vocabulary.add("ő");
		assertThat(vocabulary.find('ő')).isEqualTo(single);
		assertThat(vocabulary.find(',')).isEqualTo(added.getOrDefault(",", -1));
	}

	private static String token(Random random) {
		String letters = "abcdefghijklmnopqrstuvwxyząęłńóśźż-,.";
		char[] chars = new char[1 + random.nextInt(6)];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = letters.charAt(random.nextInt(letters.length()));
		}
		return new String(chars);
	}

}
