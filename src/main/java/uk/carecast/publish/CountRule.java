package uk.carecast.publish;

import java.util.List;

/**
 * How one published table's counts of people are protected: each column in {@code counts} goes
 * through {@link Disclosure#suppress}, grouped by every other key except {@code totalOver} (the
 * breakdown a published total adds up, usually the age band), and the {@code reveals} columns of a
 * row with a suppressed count are withheld too, since they are figures about the same few people
 * (their mean cost, their rate per 1,000) that would give the count away.
 */
public record CountRule(String table, List<String> counts, String totalOver, List<String> reveals) {

    public CountRule {
        counts = List.copyOf(counts);
        reveals = List.copyOf(reveals);
    }
}
