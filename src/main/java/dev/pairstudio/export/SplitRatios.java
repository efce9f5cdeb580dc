package dev.pairstudio.export;

import java.util.Locale;

/** Train/validation/test shares, e.g. 80/10/10 (any positive numbers; they are normalised). */
public record SplitRatios(double train, double validation, double test) {

    public static final SplitRatios DEFAULT = new SplitRatios(0.8, 0.1, 0.1);

    public SplitRatios {
        if (train < 0 || validation < 0 || test < 0 || train + validation + test <= 0) {
            throw new IllegalArgumentException("split shares must be non-negative and not all zero");
        }
        double sum = train + validation + test;
        train /= sum;
        validation /= sum;
        test /= sum;
    }

    /** "80/10/10", "0.8/0.1/0.1" or "90/10" (no test split). */
    public static SplitRatios parse(String text) {
        String[] parts = text.trim().split("[/:,]");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("split \"" + text + "\" must look like 80/10/10 or 90/10");
        }
        try {
            double a = Double.parseDouble(parts[0].trim());
            double b = Double.parseDouble(parts[1].trim());
            double c = parts.length == 3 ? Double.parseDouble(parts[2].trim()) : 0;
            return new SplitRatios(a, b, c);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("split \"" + text + "\" must be numbers like 80/10/10", e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s/%s/%s", pct(train), pct(validation), pct(test));
    }

    private static String pct(double share) {
        double p = Math.round(share * 1e6) / 1e4;
        return p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.2f", p);
    }
}
