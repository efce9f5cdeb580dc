package dev.pairstudio.app;

import dev.pairstudio.store.UserDataDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends SLF4J (slf4j-simple) to {@code pair-studio.log} in the user data directory. Must run
 * before the first logger is created. Log lines name counts, files and ids, never pair text.
 */
final class Logging {
    private Logging() {}

    static void init() {
        if (System.getProperty("org.slf4j.simpleLogger.logFile") != null) {
            return;
        }
        Path dir = UserDataDirectory.get();
        try {
            Files.createDirectories(dir);
            System.setProperty(
                    "org.slf4j.simpleLogger.logFile",
                    dir.resolve("pair-studio.log").toString());
        } catch (IOException e) {
            System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        }
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
        // HikariCP (team databases) logs pool starts at info; its warnings and failures still reach the log
        System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
    }
}
