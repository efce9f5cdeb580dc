package dev.pairstudio.app;

import dev.pairstudio.api.CollectorConfig;
import dev.pairstudio.api.CollectorServer;
import dev.pairstudio.store.Database;
import dev.pairstudio.ui.CollectorControl;
import java.net.BindException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * The collector API inside the desktop app, behind the toolbar toggle: the same server as
 * {@code pairstudio serve}, on loopback, writing into the open database. It takes the usual
 * port, or any free one when {@code pairstudio serve} already holds it.
 */
final class EmbeddedCollector implements CollectorControl {
    private final Database store;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private volatile CollectorServer server;

    EmbeddedCollector(Database store) {
        this.store = store;
    }

    @Override
    public synchronized Address start() throws Exception {
        if (server == null) {
            CollectorServer s;
            try {
                s = CollectorServer.start(store, CollectorConfig.defaults());
            } catch (BindException taken) {
                s = CollectorServer.start(store, CollectorConfig.defaults().withPort(0));
            }
            s.addListener(ids -> listeners.forEach(l -> l.accept(ids.size())));
            server = s;
        }
        return new Address(server.baseUri().toString(), server.token());
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null && server.isRunning();
    }

    @Override
    public void onPairsAdded(LongConsumer listener) {
        listeners.add(listener);
    }
}
