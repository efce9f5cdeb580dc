package dev.pairstudio.ui;

import java.util.function.LongConsumer;

/**
 * The window's handle on the local collector API. The UI may not use the {@code api} package
 * (ARCHITECTURE.md), so the launcher passes an implementation in; the UI only starts, stops
 * and listens. Start and stop do network work: call them off the FX thread.
 */
public interface CollectorControl {

    /** Where an assistant posts to and with which token. */
    record Address(String url, String token) {}

    /** Starts listening on loopback; returns the address and bearer token to show the user. */
    Address start() throws Exception;

    void stop();

    boolean isRunning();

    /** Called from the collector's thread with how many pairs one commit stored. */
    void onPairsAdded(LongConsumer listener);

    /** For windows without a collector (tests of other features). */
    CollectorControl NONE = new CollectorControl() {
        @Override
        public Address start() {
            throw new IllegalStateException("The collector is not available in this window");
        }

        @Override
        public void stop() {}

        @Override
        public boolean isRunning() {
            return false;
        }

        @Override
        public void onPairsAdded(LongConsumer listener) {}
    };
}
