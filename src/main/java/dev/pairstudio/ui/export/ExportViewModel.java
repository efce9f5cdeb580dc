package dev.pairstudio.ui.export;

import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.export.ExportTargetPolicy;
import dev.pairstudio.export.Preset;
import dev.pairstudio.export.SplitAssigner;
import dev.pairstudio.export.SplitRatios;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Plural;
import dev.pairstudio.privacy.CustomRule;
import dev.pairstudio.privacy.DenyList;
import dev.pairstudio.privacy.Operator;
import dev.pairstudio.privacy.PiiType;
import dev.pairstudio.privacy.Policy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * Every choice of the export wizard, shared by its six pages, free of controls so it can be
 * tested without a window. It turns the choices into an {@link ExportProfile}, names the files an
 * export would write, and says per page what is wrong ("" when nothing): the page disables Next
 * and shows the message. Counts arrive from background tasks through the count properties
 * ({@code -1} while unknown). Apart from cheap file-system checks of the destination, nothing
 * here reads the store or the disk.
 */
public final class ExportViewModel {
    /** Which pairs: everything, what the table shows, or the selected rows. */
    public enum Scope {
        ALL,
        FILTER,
        SELECTION
    }

    private final PairFilter currentFilter;
    private final Set<Long> selection;
    private final Map<String, Preset> presets;
    private Policy basePolicy;
    private String system;
    private String context;
    private boolean incremental;

    // 1. scope
    public final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.ALL);
    public final BooleanProperty acceptedOnly = new SimpleBooleanProperty(false);
    public final LongProperty allCount = new SimpleLongProperty(-1);
    public final LongProperty filterCount = new SimpleLongProperty(-1);
    public final LongProperty acceptedCount = new SimpleLongProperty(-1);
    /** Pairs in the chosen scope after "accepted only"; -1 while counting. */
    public final LongProperty scopeCount = new SimpleLongProperty(-1);
    // 2. format
    public final ObservableList<String> formats = FXCollections.observableArrayList();
    public final StringProperty format = new SimpleStringProperty("jsonl");
    // 3. privacy
    public final BooleanProperty anonymize = new SimpleBooleanProperty(true);
    public final BooleanProperty detectUrls = new SimpleBooleanProperty(false);
    public final ObservableMap<String, Operator> operators = FXCollections.observableMap(new LinkedHashMap<>());
    // 4. split, dedup, grouping
    public final BooleanProperty split = new SimpleBooleanProperty(false);
    public final StringProperty train = new SimpleStringProperty("80");
    public final StringProperty validation = new SimpleStringProperty("10");
    public final StringProperty test = new SimpleStringProperty("10");
    public final StringProperty seed = new SimpleStringProperty(Long.toString(ExportProfile.DEFAULT_SEED));
    public final ObjectProperty<SplitAssigner.Grouping> grouping =
            new SimpleObjectProperty<>(SplitAssigner.Grouping.TEMPLATE);
    public final BooleanProperty dedup = new SimpleBooleanProperty(true);
    public final BooleanProperty stratify = new SimpleBooleanProperty(false);
    // 5. destination
    public final StringProperty folder = new SimpleStringProperty("");
    public final StringProperty fileName = new SimpleStringProperty("training_data.jsonl");
    public final BooleanProperty gzip = new SimpleBooleanProperty(false);
    /** {@code {{schema}}} holds every table of the pair's database, not only those its SQL uses. */
    public final BooleanProperty wholeSchema = new SimpleBooleanProperty(false);

    public final ObjectProperty<ExportTargetPolicy> existing = new SimpleObjectProperty<>(ExportTargetPolicy.RENAME);
    // profile
    /** The profile the settings came from or were saved as; exports under it update its "last export". Empty for none. */
    public final StringProperty profileName = new SimpleStringProperty("");

    private final ReadOnlyStringWrapper scopeProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper formatProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper splitProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper destinationProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper destinationNote = new ReadOnlyStringWrapper("");
    private boolean nameAtFault;

    /**
     * @param presets    the presets the exporter knows (built-in and the user's)
     * @param basePolicy the database's privacy policy ({@code PrivacySettings.policy(store)})
     * @param folder     the default destination folder
     */
    public ExportViewModel(
            PairFilter currentFilter,
            Set<Long> selection,
            Map<String, Preset> presets,
            Policy basePolicy,
            Path folder) {
        this.currentFilter = currentFilter.withTrash(false);
        this.selection = Set.copyOf(selection);
        this.presets = Map.copyOf(presets);
        formats.addAll("jsonl", "json", "csv");
        formats.addAll(presets.keySet());
        this.folder.set(folder.toAbsolutePath().toString());
        scope.set(
                !selection.isEmpty()
                        ? Scope.SELECTION
                        : currentFilter.withTrash(false).equals(PairFilter.ALL) ? Scope.ALL : Scope.FILTER);
        setPolicy(basePolicy);

        format.addListener((o, was, now) -> {
            if (now != null) {
                fileName.set(renamedFor(fileName.get(), now));
            }
        });
        Observable[] all = {
            scope,
            acceptedOnly,
            scopeCount,
            format,
            split,
            train,
            validation,
            test,
            seed,
            this.folder,
            fileName,
            gzip,
            existing
        };
        for (Observable o : all) {
            o.addListener(x -> validate());
        }
        validate();
    }

    // ---- what the pages read ------------------------------------------------------------

    public long selectionSize() {
        return selection.size();
    }

    public boolean filterIsAll() {
        return currentFilter.equals(PairFilter.ALL);
    }

    /** The scope before "accepted only". */
    public PairFilter scopeFilter() {
        return switch (scope.get()) {
            case ALL -> PairFilter.ALL;
            case FILTER -> currentFilter;
            case SELECTION -> PairFilter.ALL.withIds(selection.isEmpty() ? Set.of(-1L) : selection);
        };
    }

    public Preset preset() {
        return presets.get(format.get());
    }

    /** Presets such as hf write a folder of train/validation/test files and always split. */
    public boolean folderLayout() {
        Preset p = preset();
        return p != null && p.layout() == Preset.Layout.FOLDER;
    }

    public String extension() {
        String f = format.get();
        if (f == null) {
            return "jsonl";
        }
        Preset p = presets.get(f);
        return p != null ? p.extension() : f;
    }

    public String description(String formatName) {
        switch (formatName) {
            case "jsonl":
                return "Seed JSONL: one pair per line with the seed's ten fields";
            case "json":
                return "Seed JSON: one document with the pairs and their statistics";
            case "csv":
                return "Seed CSV: the seed's ten columns, safe for spreadsheets";
            default:
                Preset p = presets.get(formatName);
                return p == null ? formatName : p.description();
        }
    }

    /** Whether the export splits: when asked, and always for folder presets. */
    public boolean splitting() {
        return split.get() || folderLayout();
    }

    /** The ratios when splitting and valid, else null. */
    public SplitRatios ratios() {
        if (!splitting()) {
            return null;
        }
        int[] s = shares();
        if (s == null || s[0] <= 0 || s[0] + s[1] + s[2] != 100) {
            return null;
        }
        return new SplitRatios(s[0], s[1], s[2]);
    }

    public long seedValue() {
        try {
            return Long.parseLong(seed.get().trim());
        } catch (RuntimeException e) {
            return ExportProfile.DEFAULT_SEED;
        }
    }

    /** The policy the privacy page describes: the database's policy with the operators chosen here. */
    public Policy policy() {
        Policy.Builder b = Policy.builder()
                .name(basePolicy.name())
                .defaultOperator(basePolicy.defaultOperator())
                .detectUrls(detectUrls.get())
                .phoneRegions(basePolicy.phoneRegions())
                .allowList(basePolicy.allowList());
        basePolicy.operators().forEach(b::operator);
        operators.forEach(b::operator);
        basePolicy.customRules().forEach(b::customRule);
        basePolicy.denyLists().forEach(b::denyList);
        return b.build();
    }

    /** Replaces the policy the operators start from (the database's, or a loaded profile's). */
    public void setPolicy(Policy policy) {
        basePolicy = policy;
        detectUrls.set(policy.detectUrls());
        Map<String, Operator> ops = new LinkedHashMap<>();
        for (PiiType t : typesOf(policy)) {
            ops.put(t.label(), policy.operatorFor(t));
        }
        operators.clear();
        operators.putAll(ops);
    }

    /** The built-in types, then the policy's own rules and deny-lists. */
    public static List<PiiType> typesOf(Policy policy) {
        List<PiiType> types = new ArrayList<>(List.of(PiiType.builtIns()));
        for (CustomRule r : policy.customRules()) {
            types.add(r.type());
        }
        for (DenyList d : policy.denyLists()) {
            if (!types.contains(d.type())) {
                types.add(d.type());
            }
        }
        return types;
    }

    public Path folderPath() {
        return destinationNow().folder();
    }

    /** The path handed to the exporter: the file, or for folder presets the folder. */
    public Path output() {
        return destinationNow().output();
    }

    /** The data files and manifest an export would write (before any "keep both" renaming). */
    public List<Path> plannedFiles() {
        return destinationNow().plannedFiles();
    }

    private ExportDestination destinationNow() {
        Preset p = preset();
        return new ExportDestination(
                folder.get(),
                fileName.get(),
                folderLayout(),
                splitting(),
                extension(),
                gzip.get(),
                p == null ? null : p.schemaFile(),
                existing.get());
    }

    /**
     * The profile these choices make.
     *
     * @param policyFile the file holding {@link #policy()}, null when not anonymizing
     */
    public ExportProfile profile(String policyFile) {
        String name = profileName.get() == null || profileName.get().isBlank()
                ? null
                : profileName.get().trim();
        SplitRatios r = ratios();
        return new ExportProfile(
                name,
                format.get(),
                scopeFilter(),
                acceptedOnly.get(),
                anonymize.get(),
                anonymize.get() ? policyFile : null,
                split.get() ? r : null,
                seedValue(),
                grouping.get(),
                stratify.get(),
                dedup.get(),
                gzip.get(),
                system,
                context,
                incremental,
                folder.get().trim(),
                wholeSchema.get());
    }

    /** Takes over a stored profile's choices (not its scope: the wizard's scope is the window's). */
    public void load(ExportProfile p, Policy policy) {
        profileName.set(p.name() == null ? "" : p.name());
        if (formats.contains(p.format())) {
            format.set(p.format());
        }
        acceptedOnly.set(p.acceptedOnly());
        anonymize.set(p.anonymize());
        if (policy != null) {
            setPolicy(policy);
        }
        split.set(p.split() != null);
        if (p.split() != null) {
            train.set(pct(p.split().train()));
            validation.set(pct(p.split().validation()));
            test.set(pct(p.split().test()));
        }
        seed.set(Long.toString(p.seed()));
        grouping.set(p.grouping());
        stratify.set(p.stratify());
        dedup.set(p.dedup());
        gzip.set(p.gzip());
        wholeSchema.set(p.wholeSchema());
        if (p.outputFolder() != null && !p.outputFolder().isBlank()) {
            folder.set(p.outputFolder());
        }
        system = p.system();
        context = p.context();
        incremental = p.incremental();
    }

    // ---- validation ---------------------------------------------------------------------

    public ReadOnlyStringProperty scopeProblemProperty() {
        return scopeProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formatProblemProperty() {
        return formatProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty splitProblemProperty() {
        return splitProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty destinationProblemProperty() {
        return destinationProblem.getReadOnlyProperty();
    }

    /** Whether the destination problem is about the file name (else the folder): which field to decorate. */
    public boolean destinationProblemIsName() {
        return nameAtFault;
    }

    /** Not a problem, worth knowing: the folder will be created, the file exists and will be kept or replaced. */
    public ReadOnlyStringProperty destinationNoteProperty() {
        return destinationNote.getReadOnlyProperty();
    }

    /** Re-checks every page (also after the disk changed, e.g. when entering the destination page). */
    public void validate() {
        scopeProblem.set(scopeProblemNow());
        formatProblem.set(format.get() == null || !formats.contains(format.get()) ? "Choose a format." : "");
        splitProblem.set(splitProblemNow());
        destination();
    }

    private String scopeProblemNow() {
        if (scope.get() == Scope.SELECTION && selection.isEmpty()) {
            return "No rows are selected in the table: choose another scope, or close the wizard and select rows.";
        }
        if (scopeCount.get() == 0) {
            return "Nothing to export: the scope has no pairs"
                    + (acceptedOnly.get() ? " that a reviewer accepted." : ".");
        }
        return "";
    }

    private int[] shares() {
        try {
            int[] s = {
                Integer.parseInt(train.get().trim()),
                Integer.parseInt(validation.get().trim()),
                Integer.parseInt(test.get().trim())
            };
            for (int v : s) {
                if (v < 0 || v > 100) {
                    return null;
                }
            }
            return s;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String splitProblemNow() {
        try {
            Long.parseLong(seed.get().trim());
        } catch (RuntimeException e) {
            return "The seed must be a whole number, such as 42.";
        }
        if (!splitting()) {
            return "";
        }
        int[] s = shares();
        if (s == null) {
            return "Train, validation and test must be whole numbers from 0 to 100.";
        }
        if (s[0] == 0) {
            return "Train needs a share above 0.";
        }
        int sum = s[0] + s[1] + s[2];
        if (sum != 100) {
            return "The shares add up to " + sum + "; they must add up to 100.";
        }
        return "";
    }

    private void destination() {
        ExportDestination.Verdict v = destinationNow().check();
        nameAtFault = v.nameAtFault();
        destinationProblem.set(v.problem());
        destinationNote.set(v.note());
    }

    // ---- names --------------------------------------------------------------------------

    private String renamedFor(String current, String newFormat) {
        String stem = current == null || current.isBlank() ? "training_data" : ExportDestination.stem(current.trim());
        Preset p = presets.get(newFormat);
        if (p != null && p.layout() == Preset.Layout.FOLDER) {
            return stem;
        }
        return stem + "." + (p != null ? p.extension() : newFormat);
    }

    private static String pct(double share) {
        return Long.toString(Math.round(share * 100));
    }

    /** 12,345 */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String pairs(long n) {
        return Plural.of(n, "pair");
    }
}
