package dev.pairstudio.store;

import java.util.Optional;

/** The database's own settings (saved filters, privacy policy, profiles) and its privacy secret. */
public interface SettingStore {
    Optional<String> setting(String key);

    /** Stores a setting; null removes it. The privacy secret is refused here (see {@link #rotatePrivacySecret}). */
    void putSetting(String key, String value);

    /**
     * The per-database secret for keyed pseudonyms, created with the database (32 random
     * bytes). Never exported, never logged.
     */
    byte[] privacySecret();

    /**
     * Replaces the privacy secret with a new random one: from now on every pseudonym differs from
     * those in earlier exports. An explicit user action, never automatic.
     */
    void rotatePrivacySecret();
}
