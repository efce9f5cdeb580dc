package dev.pairstudio.privacy;

import dev.pairstudio.sql.DialectParse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the anonymizer against {@link PiiCorpus} labels: a finding is a true positive when it has a
 * label's type and overlaps that label. Also counts original values left in anonymized SQL, SQL that
 * no longer parses, and values whose question and SQL surrogates differ.
 */
final class CorpusEvaluation {
    static final class Score {
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }
    }

    final Map<String, Score> scores = new TreeMap<>();
    final List<String> falsePositives = new ArrayList<>();
    final List<String> falseNegatives = new ArrayList<>();
    int texts;
    int pairs;
    int sqlValues;
    int leaks;
    int reparsed;
    int reparseFailures;
    int consistencyChecked;
    int inconsistent;
    int lookAlikes;
    int lookAlikesTouched;
    final List<String> touched = new ArrayList<>();
    final List<String> leaked = new ArrayList<>();

    Score score(PiiType t) {
        return scores.computeIfAbsent(t.label(), k -> new Score());
    }

    void text(PiiCorpus.LabeledText t, AnonymizedText result) {
        texts++;
        match(t.text(), t.labels(), result.findings());
    }

    /** A text with no PII: it must come back untouched. */
    void lookAlike(PiiCorpus.LabeledText t, AnonymizedText result) {
        lookAlikes++;
        if (result.changed()) {
            lookAlikesTouched++;
            touched.add(t.text() + " -> " + result.after());
        }
    }

    double lookAlikesUntouched() {
        return lookAlikes == 0 ? 1.0 : 1.0 - (double) lookAlikesTouched / lookAlikes;
    }

    void pair(PiiCorpus.LabeledPair p, AnonymizedPair result, Pseudonymizer pseudonymizer) {
        pairs++;
        match(p.question(), p.questionLabels(), result.question().findings());
        match(p.sql(), p.sqlLabels(), result.sql().findings());
        String after = result.sql().after();
        for (PiiCorpus.Label l : p.sqlLabels()) {
            sqlValues++;
            String digits = Shapes.digitsOf(l.value());
            boolean digitLeak = digits.length() >= 9 && !l.type().equals(PiiType.IP) && after.contains(digits);
            if (after.contains(l.value()) || digitLeak) {
                leaks++;
                leaked.add(l.type() + " '" + l.value() + "' in: " + after);
            }
        }
        if (result.sql().changed()) {
            reparsed++;
            if (DialectParse.parses(p.sql(), p.databaseType()) && !DialectParse.parses(after, p.databaseType())) {
                reparseFailures++;
            }
        }
        Replacement q =
                overlapping(result.question().replacements(), p.questionLabels().get(0));
        Replacement s = overlapping(result.sql().replacements(), p.sqlLabels().get(0));
        if (q != null && s != null) {
            consistencyChecked++;
            PiiType type = p.questionLabels().get(0).type();
            String qa = result.question().after().substring(q.afterStart(), q.afterEnd());
            String sa = after.substring(s.afterStart(), s.afterEnd());
            if (!sameSurrogate(pseudonymizer, type, qa, sa)) {
                inconsistent++;
            }
        }
    }

    /**
     * Whether two surrogates are one value. A phone written nationally in one place and
     * internationally in the other is compared by its digits (trunk 0 dropped): read without its
     * region, a national number's normal form is ambiguous.
     */
    static boolean sameSurrogate(Pseudonymizer pseudonymizer, PiiType type, String a, String b) {
        if (pseudonymizer.normalize(type, a).equals(pseudonymizer.normalize(type, b))) {
            return true;
        }
        if (!type.equals(PiiType.PHONE)) {
            return false;
        }
        String da = Shapes.digitsOf(a).replaceFirst("^0", "");
        String db = Shapes.digitsOf(b).replaceFirst("^0", "");
        return da.length() >= 6 && db.length() >= 6 && (da.endsWith(db) || db.endsWith(da));
    }

    private static Replacement overlapping(List<Replacement> reps, PiiCorpus.Label l) {
        for (Replacement r : reps) {
            if (r.type().equals(l.type()) && r.start() < l.end() && l.start() < r.end()) {
                return r;
            }
        }
        return null;
    }

    private void match(String text, List<PiiCorpus.Label> labels, List<Finding> findings) {
        boolean[] used = new boolean[labels.size()];
        for (Finding f : findings) {
            boolean hit = false;
            for (int i = 0; i < labels.size(); i++) {
                PiiCorpus.Label l = labels.get(i);
                if (l.type().equals(f.type()) && f.start() < l.end() && l.start() < f.end()) {
                    hit = true;
                    if (!used[i]) {
                        used[i] = true;
                        score(f.type()).tp++;
                    }
                    break;
                }
            }
            if (!hit) {
                score(f.type()).fp++;
                falsePositives.add(f.type() + " '" + f.text(text) + "' in: " + text);
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            if (!used[i]) {
                score(labels.get(i).type()).fn++;
                falseNegatives.add(labels.get(i).type() + " '" + labels.get(i).value() + "' in: " + text);
            }
        }
    }

    /** Runs the standard corpus: 2,400 texts, 600 pairs, 600 hard negatives, seed 20261125. */
    static CorpusEvaluation runStandard(Anonymizer anonymizer, Pseudonymizer pseudonymizer) {
        PiiCorpus corpus = new PiiCorpus(20261125L);
        CorpusEvaluation e = new CorpusEvaluation();
        for (int i = 0; i < 2400; i++) {
            PiiCorpus.LabeledText t = corpus.text();
            e.text(t, anonymizer.anonymizeText(t.text()));
        }
        for (int i = 0; i < 600; i++) {
            PiiCorpus.LabeledText t = corpus.hardNegative();
            e.text(t, anonymizer.anonymizeText(t.text()));
        }
        for (int i = 0; i < 600; i++) {
            PiiCorpus.LabeledPair p = corpus.pair();
            e.pair(
                    p,
                    anonymizer.anonymizePair(p.question(), p.sql(), p.databaseType(), p.databaseName()),
                    pseudonymizer);
        }
        return e;
    }

    String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-8s %6s %6s %6s %9s %7s%n", "type", "TP", "FP", "FN", "precision", "recall"));
        scores.forEach((k, s) -> sb.append(
                String.format("%-8s %6d %6d %6d %9.4f %7.4f%n", k, s.tp, s.fp, s.fn, s.precision(), s.recall())));
        sb.append(String.format(
                "texts %d, pairs %d; SQL values %d, left in SQL %d; changed SQL %d, no longer parsing %d;"
                        + " question/SQL pairs checked %d, inconsistent %d; look-alikes %d, touched %d%n",
                texts,
                pairs,
                sqlValues,
                leaks,
                reparsed,
                reparseFailures,
                consistencyChecked,
                inconsistent,
                lookAlikes,
                lookAlikesTouched));
        return sb.toString();
    }
}
