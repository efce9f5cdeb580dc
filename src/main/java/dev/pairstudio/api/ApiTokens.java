package dev.pairstudio.api;

import dev.pairstudio.store.SettingStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The collector's bearer token: one per database, random (32 bytes, base64url), kept in the
 * store's settings so that the UI and {@code pairstudio serve} show the same one.
 */
public final class ApiTokens {
    /** The settings key holding the database's token. */
    public static final String SETTING = "api.token";

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {}

    /** The database's token, created and stored on first use. */
    public static synchronized String forStore(SettingStore store) {
        return store.setting(SETTING).filter(t -> !t.isBlank()).orElseGet(() -> {
            String token = generate();
            store.putSetting(SETTING, token);
            // two processes may race on a fresh database: whatever was stored last wins for both
            return store.setting(SETTING).orElse(token);
        });
    }

    /** Replaces the database's token (the UI's "new token" button); old clients get 401 from then on. */
    public static String regenerate(SettingStore store) {
        String token = generate();
        store.putSetting(SETTING, token);
        return token;
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Whether an {@code Authorization} header carries {@code expected}, in time independent of
     * where they differ and of the length of either (both sides are hashed first).
     */
    static boolean matches(String authorization, String expected) {
        String given = "";
        if (authorization != null
                && authorization.length() > 7
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = authorization.substring(7).trim();
        }
        boolean same = MessageDigest.isEqual(sha256(given), sha256(expected));
        return same && !given.isEmpty();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
