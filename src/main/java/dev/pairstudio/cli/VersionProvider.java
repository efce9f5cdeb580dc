package dev.pairstudio.cli;

import dev.pairstudio.pair.AppVersion;
import picocli.CommandLine;

/** Prints the version from the jar manifest (or "dev" when run from classes). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "Pair Studio " + AppVersion.get(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
