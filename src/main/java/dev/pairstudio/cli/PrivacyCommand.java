package dev.pairstudio.cli;

import dev.pairstudio.pair.Plural;
import dev.pairstudio.privacy.InvalidRuleException;
import dev.pairstudio.privacy.PiiType;
import dev.pairstudio.privacy.Policy;
import dev.pairstudio.settings.PrivacySettings;
import dev.pairstudio.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pairstudio privacy …}: the database's privacy policy, its allow- and deny-lists, and
 * rotating the pseudonymization secret. The secret itself is never printed.
 */
@Command(
        name = "privacy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Show or change this database's privacy policy, allow- and deny-lists, and pseudonym secret.",
        subcommands = {
            PrivacyCommand.Show.class,
            PrivacyCommand.SetPolicy.class,
            PrivacyCommand.Allow.class,
            PrivacyCommand.Deny.class,
            PrivacyCommand.RotateKey.class
        })
public final class PrivacyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DatabaseOption database;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the policy in force and the lists.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DatabaseOption database;

        @Override
        public Integer call() {
            try (Database store = StoreAccess.open(database)) {
                Policy p = PrivacySettings.policy(store);
                PrintWriter out = spec.commandLine().getOut();
                out.println("Policy: " + p.name());
                out.println("Default operator: " + p.defaultOperator().name().toLowerCase(Locale.ROOT));
                for (String type : new String[] {"EMAIL", "PHONE", "SSN", "CARD", "IP", "IBAN", "URL", "DB_NAME"}) {
                    out.printf(
                            "  %-8s %s%n",
                            type, p.operatorFor(PiiType.of(type)).name().toLowerCase(Locale.ROOT));
                }
                out.println("URL detection: " + (p.detectUrls() ? "on" : "off"));
                out.println("Phone regions: " + String.join(", ", p.phoneRegions()));
                out.println("Custom rules: "
                        + (p.customRules().isEmpty() ? "none" : p.customRules().size()));
                out.println("Never anonymized (allow-list): "
                        + Plural.of(PrivacySettings.allowed(store).size(), "value"));
                out.println("Always anonymized (deny-list): "
                        + Plural.of(PrivacySettings.denied(store).size(), "value"));
                out.flush();
            }
            return Cli.OK;
        }
    }

    @Command(
            name = "set-policy",
            mixinStandardHelpOptions = true,
            description = "Store a policy JSON file (as --policy reads it) as this database's policy.")
    static final class SetPolicy implements Callable<Integer> {
        @CommandLine.Mixin
        DatabaseOption database;

        @Parameters(paramLabel = "FILE", description = "The policy JSON.")
        Path file;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new Cli.UserError("policy " + file + " is not a readable file");
            }
            String json = Files.readString(file);
            try (Database store = StoreAccess.open(database)) {
                PrivacySettings.setPolicy(store, json);
            } catch (InvalidRuleException e) {
                throw new Cli.UserError("policy " + file + ": " + e.getMessage() + " (nothing was changed)");
            }
            return Cli.OK;
        }
    }

    /** A value for one of the lists: what allow and deny share. */
    abstract static class ListValue implements Callable<Integer> {
        @CommandLine.Mixin
        DatabaseOption database;

        @Parameters(paramLabel = "VALUE")
        String value;

        @Override
        public Integer call() {
            try (Database store = StoreAccess.open(database)) {
                apply(store, value);
            }
            return Cli.OK;
        }

        abstract void apply(Database store, String value);
    }

    @Command(
            name = "allow",
            mixinStandardHelpOptions = true,
            description = "Never anonymize this exact value (case-insensitive).")
    static final class Allow extends ListValue {
        @Override
        void apply(Database store, String value) {
            PrivacySettings.allow(store, value);
        }
    }

    @Command(
            name = "deny",
            mixinStandardHelpOptions = true,
            description = "Always anonymize this exact value (reported as CUSTOM:always).")
    static final class Deny extends ListValue {
        @Override
        void apply(Database store, String value) {
            PrivacySettings.deny(store, value);
        }
    }

    @Command(
            name = "rotate-key",
            mixinStandardHelpOptions = true,
            description = {
                "Replace the secret that keys the pseudonyms. Every later export gets new surrogates,",
                "so exports before and after no longer join on them. Needs --yes."
            })
    static final class RotateKey implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DatabaseOption database;

        @Option(names = "--yes", description = "Confirm: new pseudonyms from now on.")
        boolean yes;

        @Override
        public Integer call() {
            if (!yes) {
                throw new Cli.UserError(
                        "rotating the secret changes every pseudonym in later exports; add --yes to confirm",
                        Cli.USAGE);
            }
            try (Database store = StoreAccess.open(database)) {
                store.rotatePrivacySecret();
            }
            spec.commandLine().getOut().println("New privacy secret in place: later exports use new pseudonyms.");
            return Cli.OK;
        }
    }
}
