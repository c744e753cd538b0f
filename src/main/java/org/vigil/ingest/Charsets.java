package org.vigil.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a fetched body without trusting its header alone: a byte-order mark, then valid
 * UTF-8, then the page's own declaration, then the header, then a regional fallback.
 */
final class Charsets {

	private static final Pattern META_CHARSET = Pattern
		.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-z0-9_\\-:.]+)");

	private static final Pattern XML_ENCODING = Pattern
		.compile("(?i)<\\?xml[^>]+encoding\\s*=\\s*[\"']([a-z0-9_\\-.]+)");

	private Charsets() {
	}

	/** The text and the charset it was read with. */
	record Decoded(String text, Charset charset) {

	}

	static Decoded decode(byte[] body, String headerCharset, String language) {
		if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
			return new Decoded(new String(body, 3, body.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		}
		if (isStrictUtf8(body)) {
			return new Decoded(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		}
		String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
		for (Pattern pattern : new Pattern[] { META_CHARSET, XML_ENCODING }) {
			Matcher m = pattern.matcher(head);
			if (m.find()) {
				Charset declared = forName(m.group(1));
				if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
					return new Decoded(new String(body, declared), declared);
				}
			}
		}
		Charset fromHeader = forName(headerCharset);
		if (fromHeader != null && !fromHeader.equals(StandardCharsets.UTF_8)) {
			return new Decoded(new String(body, fromHeader), fromHeader);
		}
		// Central European pages that declare nothing (or wrongly UTF-8) are
		// windows-1250.
		String fallbackName = ("pl".equals(language) || "ro".equals(language) || "cs".equals(language)) ? "windows-1250"
				: "windows-1252";
		Charset fallback = Charset.forName(fallbackName);
		return new Decoded(new String(body, fallback), fallback);
	}

	private static boolean isStrictUtf8(byte[] body) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	static Charset forName(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return Charset.forName(name.strip().toLowerCase(Locale.ROOT));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
