package org.vigil.users;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.vigil.shared.SignedInUser;

/**
 * The logged-in user, as kept in the session: controllers take it with
 * {@code @AuthenticationPrincipal VigilUser user} and scope everything by {@link #id()}.
 * Serializable because sessions are stored in PostgreSQL.
 */
public final class VigilUser implements UserDetails, CredentialsContainer, Serializable, SignedInUser {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String email;

	private final Role role;

	private final boolean enabled;

	private String passwordHash;

	VigilUser(long id, String email, Role role, boolean enabled, String passwordHash) {
		this.id = id;
		this.email = email;
		this.role = role;
		this.enabled = enabled;
		this.passwordHash = passwordHash;
	}

	/** The account id: the key every user-owned row is scoped by. */
	@Override
	public long id() {
		return this.id;
	}

	public String email() {
		return this.email;
	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return (this.role == Role.ADMIN)
				? List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()),
						new SimpleGrantedAuthority(Role.ANALYST.authority()))
				: List.of(new SimpleGrantedAuthority(Role.ANALYST.authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isAccountNonExpired() {
		return true;
	}

	@Override
	public boolean isAccountNonLocked() {
		return true;
	}

	@Override
	public boolean isCredentialsNonExpired() {
		return true;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof VigilUser user && user.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "VigilUser[id=" + this.id + ", email=" + this.email + ", role=" + this.role + "]";
	}

}
