package dev.pairstudio.pair;

/** The application version, as written into the jar manifest by the build. */
public final class AppVersion {
    private AppVersion() {}

    public static String get() {
        String v = AppVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
