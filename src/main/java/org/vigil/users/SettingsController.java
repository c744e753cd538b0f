package org.vigil.users;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /settings}: the user's name, time zone and language for dates, the weekly
 * digest's day and hour, and their password.
 */
@Controller
class SettingsController {

	static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
		.filter((zone) -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
		.toList());

	private final Accounts accounts;

	private final Passwords passwords;

	private final MessageSource messages;

	SettingsController(Accounts accounts, Passwords passwords, MessageSource messages) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.messages = messages;
	}

	/** A message of the users bundle in the reader's language. */
	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	/** A weekday as the form offers it. */
	record Day(int value, String name) {

	}

	@GetMapping("/settings")
	String settings(@AuthenticationPrincipal VigilUser user, Model model) {
		Account account = this.accounts.find(user.id()).orElseThrow();
		model.addAttribute("account", account);
		model.addAttribute("zones", ZONES);
		model.addAttribute("languages", Accounts.LOCALES.stream()
			.map((tag) -> new Language(tag, Locale.forLanguageTag(tag).getDisplayLanguage(Locale.forLanguageTag(tag))))
			.toList());
		model.addAttribute("days", java.util.Arrays.stream(DayOfWeek.values())
			.map((day) -> new Day(day.getValue(), day.getDisplayName(TextStyle.FULL, LocaleContextHolder.getLocale())))
			.toList());
		return "users/settings";
	}

	/** A language as the form offers it, named in itself. */
	record Language(String tag, String name) {

	}

	@PostMapping("/settings")
	String save(@AuthenticationPrincipal VigilUser user, @RequestParam(defaultValue = "") String displayName,
			@RequestParam String timeZone, @RequestParam String language,
			@RequestParam(defaultValue = "false") boolean digestEnabled, @RequestParam int digestDay,
			@RequestParam int digestHour, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		ZoneId zone;
		try {
			zone = Accounts.zone(timeZone);
		}
		catch (AccountProblem ex) {
			redirect.addFlashAttribute("error", text("users.settings.nothingChanged", ex.getMessage()));
			return "redirect:/settings";
		}
		if (digestDay < 1 || digestDay > 7) {
			redirect.addFlashAttribute("error", text("users.settings.invalid"));
			return "redirect:/settings";
		}
		Locale locale = Locale.forLanguageTag(language);
		try {
			this.accounts.updateSettings(user.id(), new Accounts.Settings(displayName, zone, locale, digestEnabled,
					DayOfWeek.of(digestDay), digestHour), version);
		}
		catch (AccountProblem ex) {
			redirect.addFlashAttribute("error", text("users.settings.nothingChanged", ex.getMessage()));
			return "redirect:/settings";
		}
		// Said in the language just chosen: the next page is drawn in it.
		redirect.addFlashAttribute("message",
				this.messages.getMessage("users.settings.saved", null, ViewerLocaleResolver.interfaceLanguage(locale)));
		return "redirect:/settings";
	}

	@PostMapping("/settings/password")
	String changePassword(@AuthenticationPrincipal VigilUser user, @RequestParam String currentPassword,
			@RequestParam String newPassword, @RequestParam String confirmPassword, RedirectAttributes redirect) {
		String hash = this.accounts.credentials(user.email()).map(Accounts.Credentials::passwordHash).orElse(null);
		if (hash == null || !this.passwords.matches(currentPassword, hash)) {
			redirect.addFlashAttribute("passwordError", text("users.password.wrong"));
			return "redirect:/settings";
		}
		if (!newPassword.equals(confirmPassword)) {
			redirect.addFlashAttribute("passwordError", text("users.password.differ"));
			return "redirect:/settings";
		}
		var problem = this.passwords.problem(newPassword, user.email());
		if (problem.isPresent()) {
			redirect.addFlashAttribute("passwordError", text("users.password.notChanged", problem.get()));
			return "redirect:/settings";
		}
		this.accounts.setPasswordHash(user.id(), this.passwords.hash(newPassword, user.email()));
		redirect.addFlashAttribute("message", text("users.password.changed"));
		return "redirect:/settings";
	}

}
