package dev.pairstudio.ui;

import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.settings.PrivacySettings;
import dev.pairstudio.store.Database;
import java.util.function.Supplier;

/**
 * The window's anonymizer with the database's policy and lists as they are now: built on first
 * use, off the FX thread (at 1M pairs building it there was a tenth of the window's start), and
 * built again after a privacy list changes. The preview, edits and catch-up analysis share it.
 */
final class CurrentAnonymizer implements Supplier<Anonymizer> {
    private final Database store;
    private volatile Anonymizer current;

    CurrentAnonymizer(Database store) {
        this.store = store;
    }

    /** Reads the store on the first call: not on the FX thread. */
    @Override
    public Anonymizer get() {
        Anonymizer a = current;
        if (a == null) {
            synchronized (this) {
                if (current == null) {
                    current = PrivacySettings.anonymizer(store);
                }
                a = current;
            }
        }
        return a;
    }

    /** After the allow or deny list changed: reads them again. Not on the FX thread. */
    void reload() {
        current = PrivacySettings.anonymizer(store);
    }
}
