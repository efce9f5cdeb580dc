package dev.pairstudio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The layering of docs/ARCHITECTURE.md, enforced: each package uses only what its row of the
 * "may use" table lists, the core runs without JavaFX, and packages form no cycles.
 */
class ArchitectureTest {
    private static final String BASE = "dev.pairstudio";
    private static final Map<String, Set<String>> MAY_USE = mayUseTable();
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.pairstudio");
    }

    @Test
    void onlyUiAndAppUseJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.pairstudio.ui..", "dev.pairstudio.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..")
                .because("the core, CLI and API run and are tested without JavaFX")
                .check(classes);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("dev.pairstudio.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void pairDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("dev.pairstudio.pair..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.pairstudio.pair..", "java..")
                .check(classes);
    }

    @Test
    void everyPackageHasARowInTheMayUseTable() {
        Set<String> packages = classes.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith(BASE + ".")).map(p -> p.substring(BASE.length() + 1).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(MAY_USE.keySet()).as("packages described in docs/ARCHITECTURE.md").containsAll(packages);
    }

    /** docs/ARCHITECTURE.md's "may use" table is the rule: a package uses only what its row lists. */
    @TestFactory
    Stream<DynamicTest> eachPackageUsesOnlyWhatItsRowLists() {
        return MAY_USE.entrySet().stream().map(row -> DynamicTest.dynamicTest(row.getKey(), () -> {
            String[] forbidden = MAY_USE.keySet().stream()
                    .filter(other -> !other.equals(row.getKey()) && !row.getValue().contains(other))
                    .map(other -> BASE + "." + other + "..").toArray(String[]::new);
            if (forbidden.length > 0) {
                noClasses().that().resideInAPackage(BASE + "." + row.getKey() + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                        .because("docs/ARCHITECTURE.md lets " + row.getKey() + " use only " + row.getValue())
                        .check(classes);
            }
        }));
    }

    /** Package → the packages it may use, read from the table in docs/ARCHITECTURE.md. */
    private static Map<String, Set<String>> mayUseTable() {
        try {
            Map<String, Set<String>> table = new LinkedHashMap<>();
            Pattern row = Pattern.compile("^\\| `(\\w+)` \\|.*\\| ([^|]*) \\|$");
            boolean inSection = false;
            for (String line : Files.readAllLines(Path.of("docs/ARCHITECTURE.md"))) {
                if (line.startsWith("## ")) {
                    inSection = line.startsWith("## Packages and what each may use");
                }
                Matcher m = row.matcher(line);
                if (inSection && m.matches()) {
                    Set<String> uses = new TreeSet<>();
                    Matcher name = Pattern.compile("`(\\w+)`").matcher(m.group(2));
                    while (name.find()) {
                        uses.add(name.group(1));
                    }
                    table.put(m.group(1), uses);
                }
            }
            if (table.isEmpty()) {
                throw new IllegalStateException("no \"may use\" table found in docs/ARCHITECTURE.md");
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
