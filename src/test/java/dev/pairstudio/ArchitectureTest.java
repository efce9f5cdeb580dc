package dev.pairstudio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.pairstudio.ui..", "dev.pairstudio.app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..")
                .because("the core, CLI and API run and are tested without JavaFX")
                .check(classes);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("dev.pairstudio.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void pairDependsOnNothingElseOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("dev.pairstudio.pair..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("dev.pairstudio.pair..", "java..")
                .check(classes);
    }

    /** Every package of ours is covered by a row: its own, or that of the nearest package it lies in. */
    @Test
    void everyPackageHasARowInTheMayUseTable() {
        Set<String> uncovered = classes.stream()
                .map(c -> c.getPackageName())
                .filter(p -> p.startsWith(BASE + ".") && rowOf(p) == null)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(uncovered)
                .as("packages without a row in docs/ARCHITECTURE.md")
                .isEmpty();
    }

    /**
     * docs/ARCHITECTURE.md's "may use" table is the rule: the classes of a row's package (and of its
     * sub-packages that have no row of their own) use only their own row, the rows it lists, and
     * its own sub-packages' rows.
     */
    @TestFactory
    Stream<DynamicTest> eachPackageUsesOnlyWhatItsRowLists() {
        return MAY_USE.entrySet().stream()
                .map(row -> DynamicTest.dynamicTest(row.getKey(), () -> {
                    String name = row.getKey();
                    Set<String> forbidden = MAY_USE.keySet().stream()
                            .filter(other -> !other.equals(name)
                                    && !row.getValue().contains(other)
                                    && !other.startsWith(name + "."))
                            .collect(Collectors.toCollection(TreeSet::new));
                    if (!forbidden.isEmpty()) {
                        noClasses()
                                .that(inRow(Set.of(name)))
                                .should()
                                .dependOnClassesThat(inRow(forbidden))
                                .because("docs/ARCHITECTURE.md lets " + name + " use only " + row.getValue())
                                .check(classes);
                    }
                }));
    }

    /** The row that rules a package: its own, else the nearest enclosing package's; null when none. */
    private static String rowOf(String packageName) {
        if (!packageName.startsWith(BASE + ".")) {
            return null;
        }
        for (String p = packageName.substring(BASE.length() + 1); ; p = p.substring(0, p.lastIndexOf('.'))) {
            if (MAY_USE.containsKey(p)) {
                return p;
            }
            if (p.indexOf('.') < 0) {
                return null;
            }
        }
    }

    private static DescribedPredicate<JavaClass> inRow(Set<String> rows) {
        return DescribedPredicate.describe("are ruled by the row of " + rows, c -> {
            String row = rowOf(c.getPackageName());
            return row != null && rows.contains(row);
        });
    }

    /** Package → the packages it may use, read from the table in docs/ARCHITECTURE.md. */
    private static Map<String, Set<String>> mayUseTable() {
        try {
            Map<String, Set<String>> table = new LinkedHashMap<>();
            Pattern row = Pattern.compile("^\\| `([\\w.]+)` \\|.*\\| ([^|]*) \\|$");
            boolean inSection = false;
            for (String line : Files.readAllLines(Path.of("docs/ARCHITECTURE.md"))) {
                if (line.startsWith("## ")) {
                    inSection = line.startsWith("## Packages and what each may use");
                }
                Matcher m = row.matcher(line);
                if (inSection && m.matches()) {
                    Set<String> uses = new TreeSet<>();
                    Matcher name = Pattern.compile("`([\\w.]+)`").matcher(m.group(2));
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
