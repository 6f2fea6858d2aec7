package dev.carrier.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus's text exposition format 0.0.4, as a scraper reads it: every line
 * is a HELP, a TYPE or a sample; names and label names are valid; label values are quoted with
 * only the three escapes the format allows; each family's TYPE comes before its samples and once;
 * no series appears twice; values are numbers (or NaN, +Inf, -Inf). Anything else fails the test.
 */
final class PrometheusText {

    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    private final List<Sample> samples;
    private final Map<String, String> types;

    private PrometheusText(List<Sample> samples, Map<String, String> types) {
        this.samples = samples;
        this.types = types;
    }

    static PrometheusText parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) throw new AssertionError("the text must end with a line feed");
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> helped = new HashSet<>();
        Set<String> sampled = new HashSet<>();
        Set<String> series = new HashSet<>();
        List<Sample> samples = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) continue;
            String where = "line " + number + ": " + line;
            if (line.startsWith("# HELP ")) {
                String name = line.substring(7).split(" ", 2)[0];
                check(NAME.matcher(name).matches(), "bad metric name", where);
                check(helped.add(name), "a second HELP for " + name, where);
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                check(parts.length == 2 && NAME.matcher(parts[0]).matches() && TYPES.contains(parts[1]), "bad TYPE", where);
                check(!types.containsKey(parts[0]), "a second TYPE for " + parts[0], where);
                check(!sampled.contains(parts[0]), "TYPE after the samples of " + parts[0], where);
                types.put(parts[0], parts[1]);
            } else if (line.startsWith("#")) {
                continue; // a comment
            } else {
                Sample sample = sample(line, where);
                sampled.add(family(sample.name(), types));
                check(series.add(sample.name() + sample.labels()), "a series given twice", where);
                samples.add(sample);
            }
        }
        return new PrometheusText(samples, types);
    }

    private static String family(String name, Map<String, String> types) {
        for (String suffix : List.of("_total", "_count", "_sum", "_bucket", "_max")) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static Sample sample(String line, String where) {
        Matcher name = NAME.matcher(line);
        check(name.lookingAt(), "a sample must start with a metric name", where);
        int at = name.end();
        Map<String, String> labels = new LinkedHashMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            at++;
            while (line.charAt(at) != '}') {
                Matcher label = LABEL_NAME.matcher(line).region(at, line.length());
                check(label.lookingAt(), "bad label name", where);
                at = label.end();
                check(line.startsWith("=\"", at), "a label needs =\"", where);
                at += 2;
                StringBuilder value = new StringBuilder();
                while (line.charAt(at) != '"') {
                    char c = line.charAt(at++);
                    if (c == '\\') {
                        char escaped = line.charAt(at++);
                        check(escaped == '\\' || escaped == '"' || escaped == 'n', "bad escape in a label value", where);
                        value.append(escaped == 'n' ? '\n' : escaped);
                    } else {
                        value.append(c);
                    }
                }
                at++;
                check(labels.put(label.group(), value.toString()) == null, "a label given twice", where);
                if (line.charAt(at) == ',') at++;
            }
            at++;
        }
        check(at < line.length() && line.charAt(at) == ' ', "a space must come before the value", where);
        String[] rest = line.substring(at + 1).split(" ");
        check(rest.length == 1 || rest.length == 2, "a value and at most a timestamp", where);
        double value;
        switch (rest[0]) {
            case "NaN" -> value = Double.NaN;
            case "+Inf" -> value = Double.POSITIVE_INFINITY;
            case "-Inf" -> value = Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    value = Double.parseDouble(rest[0]);
                } catch (NumberFormatException e) {
                    throw new AssertionError("not a number, " + where);
                }
            }
        }
        if (rest.length == 2) check(rest[1].matches("-?\\d+"), "a timestamp is whole milliseconds", where);
        return new Sample(line.substring(0, name.end()), labels, value);
    }

    private static void check(boolean ok, String what, String where) {
        if (!ok) throw new AssertionError(what + ", " + where);
    }

    List<Sample> samples() {
        return samples;
    }

    Optional<String> type(String family) {
        return Optional.ofNullable(types.get(family));
    }

    /** The value of the one sample with this name and these labels (others may be present). */
    double value(String name, Map<String, String> labels) {
        List<Sample> matching = samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet())).toList();
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " samples of " + name + " with " + labels);
        }
        return matching.get(0).value();
    }

    /** Sum of every sample with this name whose labels include these. */
    double sum(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    Set<String> names() {
        Set<String> names = new HashSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    Map<String, Set<String>> labelValues(String label) {
        Map<String, Set<String>> values = new HashMap<>();
        for (Sample s : samples) {
            if (s.labels().containsKey(label)) values.computeIfAbsent(s.name(), n -> new HashSet<>()).add(s.labels().get(label));
        }
        return values;
    }
}
