package dev.pairstudio.privacy;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The detectors a policy asks for, with the allow-list and the overlap rule applied to their findings. */
final class DetectorSet {
    private static final Map<PiiType, Integer> RANKS = Map.of(
            PiiType.URL,
            2,
            PiiType.EMAIL,
            3,
            PiiType.IBAN,
            4,
            PiiType.CARD,
            5,
            PiiType.SSN,
            6,
            PiiType.IP,
            7,
            PiiType.PHONE,
            8,
            PiiType.DB_NAME,
            9);

    private static final List<String> COMMON_PHONE_REGIONS = List.of(
            "US", "GB", "DE", "FR", "ES", "IT", "PT", "NL", "BE", "CH", "AT", "PL", "SE", "NO", "DK", "FI", "IE", "AU",
            "NZ", "CA", "BR", "MX", "AR", "IN", "SG", "HK", "JP", "ZA", "CN", "KR");

    private final List<Detector> detectors = new ArrayList<>();
    private final Map<String, Integer> customRanks = new HashMap<>();
    private final AllowList.Compiled allow;

    DetectorSet(Policy policy, long ruleTimeLimitNanos) {
        Set<String> supported = PhoneNumberUtil.getInstance().getSupportedRegions();
        for (String r : policy.phoneRegions()) {
            if (!supported.contains(r)) {
                throw new InvalidRuleException(
                        "unknown phone region '" + r + "'; use ISO 3166 codes such as US, GB, DE");
            }
        }
        for (DenyList d : policy.denyLists()) {
            detectors.add(new DenyListDetector(d));
            customRanks.put(d.type().label(), 0);
        }
        for (CustomRule r : policy.customRules()) {
            detectors.add(new CustomRuleDetector(r, ruleTimeLimitNanos));
            customRanks.putIfAbsent(r.type().label(), 1);
        }
        if (policy.detectUrls()) {
            detectors.add(new UrlDetector());
        }
        detectors.add(new EmailDetector());
        detectors.add(new IbanDetector());
        detectors.add(new CardDetector());
        detectors.add(new SsnDetector());
        detectors.add(new IpDetector());
        detectors.add(new PhoneDetector(policy.phoneRegions(), contextRegions(policy.phoneRegions())));
        this.allow = policy.allowList().compile();
    }

    /**
     * Regions tried for a national number with a phone word nearby: the policy's, the user's
     * locale, then the regions whose numbers are most often met in the pairs' languages.
     */
    static List<String> contextRegions(List<String> policyRegions) {
        LinkedHashSet<String> out = new LinkedHashSet<>(policyRegions);
        String country = Locale.getDefault().getCountry();
        if (PhoneNumberUtil.getInstance().getSupportedRegions().contains(country)) {
            out.add(country);
        }
        out.addAll(COMMON_PHONE_REGIONS);
        return List.copyOf(out);
    }

    /** Resolved findings in {@code [from, to)}, in text order; {@code extra} (the database name) may be null. */
    List<Finding> detect(String text, int from, int to, Field field, Detector extra) {
        return from >= to ? List.of() : detect(text, from, to, field, extra, RegionStats.of(text, from, to));
    }

    /**
     * {@link #detect(String, int, int, Field, Detector)} with the region's pre-check given: detectors
     * skip a region whose stats rule them out (no '@', too few digits). PreCheckTest passes stats
     * that rule nothing out, to show that the pre-check never loses a finding.
     */
    List<Finding> detect(String text, int from, int to, Field field, Detector extra, RegionStats stats) {
        if (from >= to) {
            return List.of();
        }
        List<Finding> all = new ArrayList<>(0);
        for (Detector d : detectors) {
            d.detect(text, from, to, field, stats, all);
        }
        if (extra != null) {
            extra.detect(text, from, to, field, stats, all);
        }
        if (all.isEmpty()) {
            return all;
        }
        all.removeIf(f -> allow.allows(text.substring(f.start(), f.end())));
        return OverlapResolver.resolve(all, this::rank);
    }

    private int rank(Finding f) {
        Integer r = f.type().isCustom() ? customRanks.get(f.type().label()) : RANKS.get(f.type());
        return r == null ? 1 : r;
    }
}
