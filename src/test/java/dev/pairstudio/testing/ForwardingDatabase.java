package dev.pairstudio.testing;

import dev.pairstudio.store.Analyses;
import dev.pairstudio.store.ComposedDatabase;
import dev.pairstudio.store.Curation;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Maintenance;
import dev.pairstudio.store.PairIntake;
import dev.pairstudio.store.PairReader;
import dev.pairstudio.store.SchemaStore;
import dev.pairstudio.store.SettingStore;
import java.nio.file.Path;

/**
 * A whole real database seen through a test's hands, for fault injection: every call goes to
 * {@code real}, and a test overrides the one it wants to slow down or interfere with. Only for a
 * subject that truly needs a whole database (the window, the exporter); a subject that needs one
 * concept takes that interface, and its test fakes those few methods.
 */
public class ForwardingDatabase implements ComposedDatabase {
    protected final Database real;

    public ForwardingDatabase(Database real) {
        this.real = real;
    }

    @Override
    public PairIntake intake() {
        return real;
    }

    @Override
    public PairReader reader() {
        return real;
    }

    @Override
    public Curation curation() {
        return real;
    }

    @Override
    public Analyses analyses() {
        return real;
    }

    @Override
    public SchemaStore schemas() {
        return real;
    }

    @Override
    public SettingStore settings() {
        return real;
    }

    @Override
    public Maintenance maintenance() {
        return real;
    }

    @Override
    public long changesByOthers() {
        return real.changesByOthers();
    }

    @Override
    public String location() {
        return real.location();
    }

    @Override
    public Path folder() {
        return real.folder();
    }

    @Override
    public void close() {
        real.close();
    }
}
