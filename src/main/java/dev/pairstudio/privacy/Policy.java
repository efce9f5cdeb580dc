package dev.pairstudio.privacy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to detect and what to do with it. The default policy detects every built-in type except
 * URL (opt-in) and pseudonymizes everything. Loadable from JSON ({@link PolicyJson}).
 *
 * @param operators    per type label ({@code EMAIL}, {@code CUSTOM:emp}); {@code CUSTOM} covers all user rules
 * @param phoneRegions ISO regions tried, in order, for numbers written without '+'
 */
public record Policy(
        String name,
        Operator defaultOperator,
        Map<String, Operator> operators,
        boolean detectUrls,
        List<String> phoneRegions,
        List<CustomRule> customRules,
        List<DenyList> denyLists,
        AllowList allowList) {

    public Policy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultOperator, "defaultOperator");
        operators = Map.copyOf(operators);
        operators.keySet().forEach(k -> {
            if (!k.equals("CUSTOM")) {
                PiiType.of(k);
            }
        });
        phoneRegions = List.copyOf(phoneRegions.isEmpty() ? List.of("US") : phoneRegions);
        customRules = List.copyOf(customRules);
        denyLists = List.copyOf(denyLists);
        allowList = allowList == null ? AllowList.EMPTY : allowList;
    }

    public static Policy defaults() {
        return builder().build();
    }

    public static Policy load(Path file) {
        return PolicyJson.read(file);
    }

    public Operator operatorFor(PiiType type) {
        Operator op = operators.get(type.label());
        if (op == null && type.isCustom()) {
            op = operators.get("CUSTOM");
        }
        return op == null ? defaultOperator : op;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a policy step by step; unset parts keep the defaults. */
    public static final class Builder {
        private String name = "default";
        private Operator defaultOperator = Operator.PSEUDONYMIZE;
        private final Map<String, Operator> operators = new LinkedHashMap<>();
        private boolean detectUrls;
        private List<String> phoneRegions = List.of("US");
        private final List<CustomRule> customRules = new ArrayList<>();
        private final List<DenyList> denyLists = new ArrayList<>();
        private AllowList allowList = AllowList.EMPTY;

        public Builder name(String n) {
            name = n;
            return this;
        }

        public Builder defaultOperator(Operator op) {
            defaultOperator = op;
            return this;
        }

        public Builder operator(PiiType type, Operator op) {
            operators.put(type.label(), op);
            return this;
        }

        public Builder operator(String label, Operator op) {
            operators.put(label, op);
            return this;
        }

        public Builder detectUrls(boolean on) {
            detectUrls = on;
            return this;
        }

        public Builder phoneRegions(List<String> regions) {
            phoneRegions = List.copyOf(regions);
            return this;
        }

        public Builder customRule(CustomRule rule) {
            customRules.add(rule);
            return this;
        }

        public Builder denyList(DenyList list) {
            denyLists.add(list);
            return this;
        }

        public Builder allowList(AllowList list) {
            allowList = list;
            return this;
        }

        public Policy build() {
            return new Policy(
                    name, defaultOperator, operators, detectUrls, phoneRegions, customRules, denyLists, allowList);
        }
    }
}
