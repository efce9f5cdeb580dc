package dev.pairstudio.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Settings and the privacy secret for {@link JdbcPairStore}: one row each in the settings table, each write forced to disk. */
final class JdbcSettingStore implements SettingStore {
    private static final String SECRET_KEY = "privacy.secret";

    private final JdbcPairStore store;
    private final StoreDialect dialect;

    JdbcSettingStore(JdbcPairStore store) {
        this.store = store;
        this.dialect = store.dialect();
    }

    /** Creates the secret with the database (and once for a database that predates it). */
    void ensureSecret() {
        if (setting(SECRET_KEY).isEmpty()) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            update(
                    "INSERT INTO settings (setting_key, setting_value) SELECT ?, ? WHERE NOT EXISTS "
                            + "(SELECT 1 FROM settings WHERE setting_key = ?)",
                    SECRET_KEY,
                    HexFormat.of().formatHex(secret),
                    SECRET_KEY);
        }
    }

    @Override
    public void rotatePrivacySecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        // putSetting refuses this key so that no ordinary setting write can replace the secret by accident
        update(upsertSetting(), SECRET_KEY, HexFormat.of().formatHex(secret));
    }

    @Override
    public byte[] privacySecret() {
        return HexFormat.of()
                .parseHex(setting(SECRET_KEY)
                        .orElseThrow(() -> new StoreException(
                                "The database " + dialect.display() + " has lost its privacy secret")));
    }

    @Override
    public Optional<String> setting(String key) {
        try (Connection c = store.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT setting_value FROM settings WHERE setting_key = ?")) {
            s.setString(1, key);
            return Optional.ofNullable(single(s));
        } catch (SQLException e) {
            throw store.failure("read a setting", e);
        }
    }

    @Override
    public void putSetting(String key, String value) {
        if (SECRET_KEY.equals(key)) {
            throw new IllegalArgumentException("The privacy secret cannot be replaced");
        }
        if (value == null) {
            update("DELETE FROM settings WHERE setting_key = ?", key);
        } else {
            update(upsertSetting(), key, value);
        }
    }

    private String upsertSetting() {
        return dialect.upsert("settings", "setting_key", List.of("setting_key", "setting_value"), "VALUES (?, ?)");
    }

    /** One statement in its own transaction, forced to disk. */
    private void update(String sql, Object... params) {
        try (Connection c = store.dataSource().getConnection()) {
            JdbcPairStore.update(c, sql, params);
            store.sync(c, true);
        } catch (SQLException e) {
            throw store.failure("store a setting", e);
        }
    }

    private static String single(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
