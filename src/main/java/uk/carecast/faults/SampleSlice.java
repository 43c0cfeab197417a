package uk.carecast.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * A small council cut from the sample: the first people of {@code service_users}, every placement
 * of theirs, the first young people of {@code transitions}, and the whole of {@code cost_assumptions}
 * and {@code budgets}. Each table is its header line and its data lines, as the sample writes them
 * (no quoted line breaks), so a fuzz case can corrupt one line or one field knowing where it is.
 */
public record SampleSlice(Map<String, List<String>> lines) {

    /** The input tables, in the order ingest reads them, with the file name each is written under. */
    public static final Map<String, String> FILES = Map.of(
            "service_users", "service_users.csv.gz",
            "placements", "placements.csv.gz",
            "cost_assumptions", "cost_assumptions.csv",
            "budgets", "budgets.csv",
            "transitions", "transitions.csv");
    public static final List<String> TABLES = List.of("service_users", "placements", "cost_assumptions", "budgets",
            "transitions");

    public SampleSlice {
        lines = Map.copyOf(lines);
    }

    /** The slice of the sample under {@code sample}: {@code people} service users, {@code youngPeople} transitions. */
    public static SampleSlice of(Path sample, int people, int youngPeople) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        List<String> users = head(read(sample.resolve(FILES.get("service_users"))), people);
        lines.put("service_users", users);
        Set<String> ids = Set.copyOf(users.subList(1, users.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList());
        List<String> placements = read(sample.resolve(FILES.get("placements")));
        List<String> theirs = new ArrayList<>(List.of(placements.get(0)));
        // person_id is the second column; the sample has no quotes before it.
        placements.stream().skip(1).filter(l -> ids.contains(l.split(",", 3)[1])).forEach(theirs::add);
        lines.put("placements", theirs);
        lines.put("cost_assumptions", read(sample.resolve(FILES.get("cost_assumptions"))));
        lines.put("budgets", read(sample.resolve(FILES.get("budgets"))));
        lines.put("transitions", head(read(sample.resolve(FILES.get("transitions"))), youngPeople));
        return new SampleSlice(lines);
    }

    public List<String> of(String table) {
        return lines.get(table);
    }

    public static boolean gzipped(String table) {
        return FILES.get(table).endsWith(".gz");
    }

    private static List<String> head(List<String> lines, int rows) {
        return List.copyOf(lines.subList(0, Math.min(lines.size(), rows + 1)));
    }

    private static List<String> read(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample file " + file, e);
        }
    }
}
