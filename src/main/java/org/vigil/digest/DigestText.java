package org.vigil.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The plain-text part of a digest: underlined headings, numbered items with their source,
 * date, snippet, entities and link, lines wrapped at 72 characters (a link is never
 * broken), in the recipient's language. Everything in it is text already: titles and
 * snippets come from the items' plain text, never from HTML.
 */
@Component
class DigestText {

	static final int WIDTH = 72;

	private final MessageSource messages;

	DigestText(MessageSource messages) {
		this.messages = messages;
	}

	String text(Digest digest, Locale locale) {
		Plurals plurals = new Plurals(locale);
		StringBuilder text = new StringBuilder(4096);
		heading(text, message(locale, "digest.text.title", digest.period()), '=');
		text.append('\n');
		wrap(text, message(locale, "digest.greeting", digest.recipientName()), "");
		text.append('\n');
		if (digest.isEmpty()) {
			wrap(text, message(locale, "digest.nothing"), "");
		}
		else {
			wrap(text, message(locale, plurals.key("digest.intro", digest.totalItems()), digest.totalItems()), "");
		}
		for (Digest.Section section : digest.sections()) {
			wrap(text,
					"- " + section.name() + ": "
							+ message(locale, plurals.key("digest.section.new", section.total()), section.total()),
					"    ");
		}
		if (!digest.topEntities().isEmpty()) {
			List<String> entities = new ArrayList<>();
			for (Digest.EntityLine entity : digest.topEntities()) {
				entities.add(entity.name() + " (" + entity.items() + ")");
			}
			text.append('\n');
			wrap(text, message(locale, "digest.mostMentioned") + " " + String.join(", ", entities), "");
		}
		for (Digest.Section section : digest.sections()) {
			text.append("\n\n");
			heading(text, section.name(), '-');
			wrap(text, section.description(), "");
			if (section.items().isEmpty()) {
				text.append('\n');
				wrap(text, message(locale, "digest.noItems"), "");
			}
			int number = 1;
			for (Digest.ItemLine item : section.items()) {
				text.append('\n');
				String marker = (number++) + ". ";
				String indent = " ".repeat(marker.length());
				wrap(text, marker + item.title(), indent);
				wrap(text, indent + item.source() + " \u00B7 " + item.date(), indent);
				if (item.snippet() != null) {
					wrap(text, indent + item.snippet(), indent);
				}
				if (!item.entities().isEmpty()) {
					List<String> names = new ArrayList<>();
					for (Digest.ChipLine chip : item.entities()) {
						names.add(chip.matched() ? "*" + chip.name() + "*" : chip.name());
					}
					wrap(text, indent + String.join(" \u00B7 ", names), indent);
				}
				wrap(text, indent + item.url(), indent);
			}
			if (section.more() > 0) {
				text.append('\n');
				wrap(text, message(locale, "digest.text.more", section.more(), section.timelineUrl()), "");
			}
		}
		text.append("\n-- \n");
		wrap(text, message(locale, "digest.footer.receive") + " Vigil.", "");
		wrap(text, message(locale, "digest.text.settings", digest.settingsUrl()), "");
		wrap(text, message(locale, "digest.text.unsubscribe", digest.unsubscribeUrl()), "");
		return text.toString();
	}

	private String message(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	private static void heading(StringBuilder text, String heading, char underline) {
		wrap(text, heading, "");
		text.append(String.valueOf(underline).repeat(Math.min(heading.length(), WIDTH))).append('\n');
	}

	/**
	 * Appends {@code line} broken at spaces into lines of at most {@link #WIDTH}
	 * characters; continuation lines start with {@code indent}. A word longer than a line
	 * (a link) stands alone, unbroken.
	 */
	static void wrap(StringBuilder text, String line, String indent) {
		String lead = line.substring(0, line.length() - line.stripLeading().length());
		StringBuilder current = new StringBuilder(lead);
		boolean empty = true;
		for (String word : line.strip().split(" +")) {
			if (!empty && current.length() + 1 + word.length() > WIDTH) {
				text.append(current).append('\n');
				current = new StringBuilder(indent);
				empty = true;
			}
			if (!empty) {
				current.append(' ');
			}
			current.append(word);
			empty = false;
		}
		text.append(current).append('\n');
	}

}
